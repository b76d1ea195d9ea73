// The reading-room networks of an institution (阅览室网络): the CIDR ranges whose readers are sent the
// images of its records under a statement that serves on-site reading. Which statement that is, and
// who may change the list, the server says (`usesOnSiteNetworks` of /api/rights-statements,
// `abilities.setOnSiteNetworks`); every entry is checked by the server and its problems are shown
// under the field by line.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import type { Institution } from './InstitutionForm.js';

/** The entries of the text (one per non-empty line) and the line each came from. */
function entriesOf(text: string) {
  const entries: string[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const entry = line.trim();
    if (!entry) return;
    entries.push(entry);
    lines.push(i + 1);
  });
  return { entries, lines };
}

export function ReadingRoomNetworks({
  inst,
  applies,
  servingStatement,
  onSaved,
}: {
  inst: Institution;
  /** Whether the networks matter under the statement chosen (or stored). */
  applies: boolean;
  /** The label of the statement the networks serve, to explain when they do not apply. */
  servingStatement: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [text, setText] = useState(inst.onSiteNetworks.join('\n'));
  const [done, setDone] = useState(false);
  const [sentLines, setSentLines] = useState<number[]>([]);
  const save = useMutation({
    mutationFn: (networks: string[]) =>
      call(() =>
        api.PUT('/api/institutions/{id}/on-site-networks', {
          params: { path: { id: inst.id } },
          body: { networks, version: inst.version },
        }),
      ),
    onSuccess: () => {
      setDone(true);
      onSaved();
    },
  });
  const editable = Boolean(inst.abilities?.setOnSiteNetworks);
  if (!applies && !inst.onSiteNetworks.length) return null;

  const problems = fieldErrors(save.error, lang);
  const messages: string[] = [];
  for (const [path, list] of problems) {
    const index = /^networks\[(\d+)\]$/.exec(path);
    const line = index ? sentLines[Number(index[1])] : undefined;
    for (const message of list)
      messages.push(line !== undefined ? t('institutions.networksLine', { n: line, message }) : message);
  }
  const fieldProblem = [...problems.keys()].some((k) => k.startsWith('networks'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { entries, lines } = entriesOf(text);
    setSentLines(lines);
    save.mutate(entries);
  };
  return (
    <Box
      component="section"
      aria-labelledby="networks-title"
      sx={{ mt: 3, pt: 2, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="h3" id="networks-title" sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 1 }}>
        {t('institutions.networks')}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mb: 2, maxWidth: '40rem' }}>
        {applies
          ? t('institutions.networksIntro', { statement: servingStatement })
          : t('institutions.networksUnused', { statement: servingStatement })}
      </Typography>
      {editable ? (
        <Box
          component="form"
          noValidate
          onSubmit={submit}
          sx={{ display: 'grid', gap: 2, maxWidth: '32rem' }}
        >
          {done ? (
            <Alert severity="success" role="status">
              {t('institutions.networksSaved')}
            </Alert>
          ) : null}
          {save.error && fieldProblem ? (
            <Typography role="alert" sx={{ color: 'error.main', fontWeight: 600 }}>
              {t('institutions.errorsTitle', { n: messages.length })}
            </Typography>
          ) : null}
          {save.error && !fieldProblem ? <ErrorAlert error={save.error} /> : null}
          <TextField
            id="on-site-networks"
            label={t('institutions.networksLabel')}
            multiline
            minRows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={fieldProblem}
            helperText={
              fieldProblem ? (
                <Box component="span" sx={{ display: 'grid', gap: 0.25 }}>
                  {messages.map((m) => (
                    <span key={m}>{m}</span>
                  ))}
                </Box>
              ) : (
                t('institutions.networksHint')
              )
            }
            slotProps={{
              htmlInput: { spellCheck: false, autoCapitalize: 'off', style: { fontFamily: 'monospace' } },
            }}
          />
          <Box>
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('institutions.networksSave')}
            </Button>
          </Box>
        </Box>
      ) : inst.onSiteNetworks.length ? (
        <Box component="ul" sx={{ m: 0, pl: 3, fontFamily: 'monospace' }}>
          {inst.onSiteNetworks.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>{t('institutions.networksNone')}</Typography>
      )}
    </Box>
  );
}
