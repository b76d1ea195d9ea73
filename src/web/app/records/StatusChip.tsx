// A record's status as a small coloured badge, labelled by the server. The colours follow the old
// badges: waiting (amber), returned (red), done (green), withdrawn (struck through).
import Box from '@mui/material/Box';
import { currentLang, pickLabel } from '../i18n/index.js';
import { colors } from '../theme.js';

const TONES: Record<string, { color: string; background: string; textDecoration?: string }> = {
  submitted: { color: '#7a4b00', background: '#fbefd5' },
  in_review: { color: '#7a4b00', background: '#fbefd5' },
  returned: { color: colors.error, background: '#f8e1e1' },
  approved: { color: colors.ok, background: '#e3f0e6' },
  published: { color: colors.ok, background: '#e3f0e6' },
  withdrawn: { color: colors.muted, background: '#e3ded6', textDecoration: 'line-through' },
};
const NEUTRAL = { color: colors.muted, background: '#ebe6dc' };

export function StatusChip({
  status,
  label,
  id,
}: {
  status: string;
  label: { zh: string; en: string };
  id?: string;
}) {
  return (
    <Box
      component="span"
      id={id}
      data-status={status}
      sx={{
        display: 'inline-block',
        px: 1,
        py: '1px',
        borderRadius: 999,
        fontSize: '0.8rem',
        fontWeight: 600,
        whiteSpace: 'nowrap',
        ...(TONES[status] ?? NEUTRAL),
      }}
    >
      {pickLabel(label, currentLang())}
    </Box>
  );
}
