// Every problem the server found with a form, together, above the form: each detail's message in the
// interface language (the fields show theirs too), never the generic “请求体校验失败” or a request id.
// Takes focus when it appears so keyboard and screen-reader users land on it.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client.js';
import { currentLang } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';

export function Problems({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Box ref={ref} tabIndex={-1} id={id} className="form-problems" sx={{ outline: 'none' }}>
      {details.length ? (
        <Alert severity="error" role="alert" sx={{ my: 1.5 }}>
          <AlertTitle>{t('restoration.problems', { n: details.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {details.map((d, i) => (
              <li key={i}>
                {(lang === 'en' ? (d.messageEn ?? d.messageZh) : (d.messageZh ?? d.messageEn)) ?? ''}
              </li>
            ))}
          </Box>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {conflict ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {t('workOrder.reload')}
            </Button>
          }
        >
          {t('workOrder.conflict')}
        </Alert>
      ) : null}
    </Box>
  );
}

/** The messages of the problems at one field path (joined), for a field's helper text. */
export function problemAt(errors: Map<string, string[]>, path: string): string | undefined {
  return errors.get(path)?.join('；');
}

/** The form around its ProblemFields: its problems by field path, and the prefix of its fields' ids. */
export const FormProblems = createContext<{ errors: Map<string, string[]>; idPrefix: string }>({
  errors: new Map(),
  idPrefix: 'field',
});

/**
 * A small text field bound to one field path of its form's problems (FormProblems): marked and
 * explained under itself when the server named that path (the forms of assessments, plans and orders
 * share it). Its id is the form's prefix and the path's last name unless given; `state` is the
 * typed text and its setter; `wide` is a free-text note that grows over the row's free space.
 */
export function ProblemField({
  at,
  state,
  wide = false,
  ...props
}: {
  at: string;
  state?: readonly [string, (value: string) => void];
  wide?: boolean;
} & Omit<TextFieldProps, 'error' | 'helperText' | 'size'>) {
  const { errors, idPrefix } = useContext(FormProblems);
  return (
    <TextField
      id={`${idPrefix}-${at.split('.').pop()}`}
      size="small"
      error={errors.has(at)}
      helperText={problemAt(errors, at)}
      {...(state ? { value: state[0], onChange: (e) => state[1](e.target.value) } : {})}
      {...(wide ? { multiline: true, sx: { flex: '1 1 20rem' } } : {})}
      {...props}
    />
  );
}

/** The save button closing a form, held while the save is under way (so it is not sent twice). */
export function SaveRow({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Box sx={{ mt: 2 }}>
      <Button type="submit" variant="contained" disabled={pending}>
        {children}
      </Button>
    </Box>
  );
}

/**
 * A form's save: the typed API call, what follows a success, the problems by field path (for
 * FormProblems) and the submit handler (`first` runs before each attempt, e.g. to drop a confirmation).
 */
export function useFormSave<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  onSaved: (saved: T) => unknown,
  first?: () => void,
) {
  const save = useMutation({ mutationFn: () => call(request), onSuccess: onSaved });
  const errors = fieldErrors(save.error, currentLang());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    first?.();
    save.mutate();
  };
  return { save, errors, submit };
}

/**
 * A form with its save (see useFormSave): a titled card, a notice (e.g. “saved”), every problem of
 * the last save together above the fields and each under its field, and the save button at the end.
 */
export function SaveForm({
  form,
  title,
  idPrefix,
  saveLabel,
  notice,
  className,
  children,
}: {
  form: {
    save: { error: unknown; isPending: boolean };
    errors: Map<string, string[]>;
    submit: (e: FormEvent) => void;
  };
  title: string;
  /** The prefix of its fields' ids (and of its title's: `${idPrefix}-title`). */
  idPrefix: string;
  saveLabel: string;
  notice?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = `${idPrefix}-title`;
  return (
    <Paper
      variant="outlined"
      component="form"
      noValidate
      onSubmit={form.submit}
      aria-labelledby={titleId}
      className={className}
      sx={{ p: 2, mb: 2 }}
    >
      <FormProblems.Provider value={{ errors: form.errors, idPrefix }}>
        <Typography variant="h2" id={titleId} sx={{ mb: 1.5 }}>
          {title}
        </Typography>
        {notice}
        <Problems error={form.save.error} />
        {children}
        <SaveRow pending={form.save.isPending}>{saveLabel}</SaveRow>
      </FormProblems.Provider>
    </Paper>
  );
}

/**
 * A form that sits inside a work order (a log entry, photos): the confirmation of the last save,
 * the server's problems, then its fields.
 */
export function InlineForm({
  label,
  className,
  saved,
  error,
  onSubmit,
  children,
}: {
  label: string;
  className: string;
  /** Said once a save succeeded (until the next one starts). */
  saved: string | null;
  error: unknown;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <Box
      component="form"
      noValidate
      onSubmit={onSubmit}
      className={className}
      aria-label={label}
      sx={{ mt: 2 }}
    >
      {saved ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {saved}
        </Alert>
      ) : null}
      <Problems error={error} />
      {children}
    </Box>
  );
}
