// An import's status by the server's label; the colour says whether it ended well.
import Chip from '@mui/material/Chip';
import { currentLang, pickLabel } from '../i18n/index.js';

export function ImportStatusChip({
  job,
}: {
  job: { status: string; statusLabel: { zh: string; en: string }; running: boolean };
}) {
  const color = job.running
    ? 'info'
    : job.status === 'done'
      ? 'success'
      : job.status === 'failed'
        ? 'error'
        : 'default';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      data-status={job.status}
      label={pickLabel(job.statusLabel, currentLang())}
    />
  );
}
