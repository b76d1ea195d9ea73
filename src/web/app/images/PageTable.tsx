// The record's pages in reading order: thumbnail, label (editable), processing status, original
// file; moved by dragging a row, by the arrow keys on its handle or by 上移/下移; master replaced or
// page deleted (a second click confirms). Only what the server's abilities allow is offered.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { currentLang, pickLabel } from '../i18n/index.js';
import { fieldErrors } from '../records/fieldErrors.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { colors } from '../theme.js';
import { ACCEPT } from './UploadPanel.js';
import { sendFiles, useRefreshImages, type ImageList, type PageImage } from './imageData.js';

const STATUS_COLOR = { ready: 'success', processing: 'default', failed: 'error' } as const;

function Thumbnail({ image }: { image: PageImage }) {
  if (image.status !== 'ready') return <span aria-hidden="true">—</span>;
  return (
    <img
      className="page-thumb"
      src={`/iiif/3/${encodeURIComponent(image.id)}/full/!120,120/0/default.jpg?v=${image.version}`}
      alt={image.label}
      loading="lazy"
      style={{ maxWidth: 80, maxHeight: 80, display: 'block', border: `1px solid ${colors.line}` }}
    />
  );
}

function LabelForm({
  image,
  editable,
  onSaved,
  onError,
}: {
  image: PageImage;
  editable: boolean;
  onSaved: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(image.label);
  useEffect(() => setLabel(image.label), [image.label]);
  const save = useMutation({
    mutationFn: () =>
      call(() =>
        api.PATCH('/api/images/{id}', {
          params: { path: { id: image.id } },
          body: { label: label.trim(), version: image.version },
        }),
      ),
    onSuccess: () => onSaved(t('images.labelSaved')),
    onError,
  });
  const problem = [...fieldErrors(save.error, currentLang()).values()].flat().join('；');
  if (!editable) return <span>{image.label}</span>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <TextField
        size="small"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={!!problem}
        helperText={problem || undefined}
        slotProps={{
          htmlInput: { maxLength: 100, 'aria-label': t('images.labelOf', { n: image.sequence }) },
        }}
        sx={{ minWidth: '9rem', flex: 1 }}
      />
      <Button
        type="submit"
        size="small"
        variant="outlined"
        disabled={save.isPending || label === image.label}
      >
        {t('images.saveLabel')}
      </Button>
    </Box>
  );
}

function DeleteButton({ onDelete, busy }: { onDelete: () => void; busy: boolean }) {
  const { t } = useTranslation();
  // Two clicks: the first asks, the second deletes (no modal to trap focus in).
  const [asking, setAsking] = useState(false);
  return (
    <Button
      size="small"
      variant={asking ? 'contained' : 'outlined'}
      color="error"
      disabled={busy}
      onClick={() => (asking ? onDelete() : setAsking(true))}
      onBlur={() => setAsking(false)}
    >
      {asking ? t('images.confirmDelete') : t('images.delete')}
    </Button>
  );
}

export function PageTable({ censusNumber, list }: { censusNumber: string; list: ImageList }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const refresh = useRefreshImages(censusNumber);
  const images = list.items;
  const can = list.abilities;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // A row drags only from its handle, so selecting text in its label field stays a text selection.
  const [armed, setArmed] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  const done = async (message: string) => {
    setError(null);
    setNotice(message);
    await refresh();
  };
  const failed = (e: unknown) => {
    setNotice(null);
    setError(e);
  };

  const reorder = useMutation({
    mutationFn: (imageIds: string[]) =>
      call(() =>
        api.PUT('/api/records/{censusNumber}/images/order', {
          params: { path: { censusNumber } },
          body: { imageIds },
        }),
      ),
    onSuccess: () => done(t('images.reordered')),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(() => api.DELETE('/api/images/{id}', { params: { path: { id } } })),
    onSuccess: () => done(t('images.deleted')),
    onError: failed,
  });
  const replace = useMutation({
    mutationFn: ({ image, file }: { image: PageImage; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return sendFiles(
        'PUT',
        `/api/images/${encodeURIComponent(image.id)}/master?version=${image.version}`,
        form,
      );
    },
    onSuccess: () => done(t('images.replaced')),
    onError: failed,
  });
  const busy = reorder.isPending || remove.isPending || replace.isPending;

  // After a keyboard move the handle of the moved page keeps the focus.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(`handle-${focusAfter.current}`)?.focus();
    focusAfter.current = null;
  }, [images]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= images.length || from === to) return;
    const order = images.map((i) => i.id);
    const [id] = order.splice(from, 1);
    order.splice(to, 0, id!);
    focusAfter.current = id!;
    reorder.mutate(order);
  };
  const onHandleKey = (event: KeyboardEvent, index: number) => {
    const to = {
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      Home: 0,
      End: images.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    if (!busy) move(index, to);
  };
  const dragProps = (image: PageImage, index: number) =>
    can.reorder
      ? {
          draggable: !busy && armed === image.id,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', image.id);
            setDragging(image.id);
          },
          onDragOver: (e: DragEvent) => {
            if (!dragging) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            setOver(image.id);
          },
          onDragLeave: () => setOver((o) => (o === image.id ? null : o)),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            const from = images.findIndex((i) => i.id === dragging);
            setDragging(null);
            setOver(null);
            if (from >= 0) move(from, index);
          },
          onDragEnd: () => {
            setDragging(null);
            setOver(null);
            setArmed(null);
          },
        }
      : {};

  if (!images.length) return <p>{t('images.none')}</p>;
  const editable = can.relabel || can.reorder || can.replace || can.delete;
  return (
    <>
      {notice ? (
        <Alert severity="success" role="status" sx={{ mb: 1.5 }}>
          {notice}
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {can.reorder ? (
        <p id="reorder-hint" style={{ margin: '0 0 0.75rem', color: colors.muted, fontSize: '0.9rem' }}>
          {t('images.reorderHint')}
        </p>
      ) : null}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" className="page-table" aria-labelledby="pages-title">
          <TableHead>
            <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              {can.reorder ? <TableCell sx={{ width: '2.5rem' }}>{t('images.move')}</TableCell> : null}
              <TableCell sx={{ width: '3rem' }}>{t('images.sequence')}</TableCell>
              <TableCell>{t('images.previewCol')}</TableCell>
              <TableCell>{t('images.label')}</TableCell>
              <TableCell>{t('images.status')}</TableCell>
              <TableCell>{t('images.file')}</TableCell>
              {editable ? <TableCell>{t('images.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {images.map((image, index) => (
              <TableRow
                key={image.id}
                data-id={image.id}
                {...dragProps(image, index)}
                sx={{
                  opacity: dragging === image.id ? 0.5 : 1,
                  outline:
                    over === image.id && dragging !== image.id ? `2px dashed ${colors.accent}` : 'none',
                }}
              >
                {can.reorder ? (
                  <TableCell>
                    <IconButton
                      id={`handle-${image.id}`}
                      size="small"
                      aria-label={t('images.handle', { n: image.sequence, label: image.label })}
                      aria-describedby="reorder-hint"
                      onKeyDown={(e) => onHandleKey(e, index)}
                      onPointerDown={() => setArmed(image.id)}
                      onPointerUp={() => setArmed(null)}
                      sx={{ cursor: 'grab', fontSize: '1.1rem', lineHeight: 1 }}
                    >
                      <span aria-hidden="true">⠿</span>
                    </IconButton>
                  </TableCell>
                ) : null}
                <TableCell className="num">{image.sequence}</TableCell>
                <TableCell>
                  <Thumbnail image={image} />
                </TableCell>
                <TableCell>
                  <LabelForm image={image} editable={can.relabel} onSaved={done} onError={failed} />
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    data-status={image.status}
                    color={STATUS_COLOR[image.status]}
                    label={pickLabel(image.statusLabel, lang)}
                  />
                  {image.error ? (
                    <Box component="span" sx={{ display: 'block', color: 'error.main', fontSize: '0.85rem' }}>
                      {image.error}
                    </Box>
                  ) : null}
                </TableCell>
                <TableCell sx={{ fontSize: '0.85rem', wordBreak: 'break-all' }}>
                  {image.originalFilename} · {image.width}×{image.height}
                </TableCell>
                {editable ? (
                  <TableCell>
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                      {can.reorder ? (
                        <>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={busy || index === 0}
                            onClick={() => move(index, index - 1)}
                          >
                            {t('images.up')}
                          </Button>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={busy || index === images.length - 1}
                            onClick={() => move(index, index + 1)}
                          >
                            {t('images.down')}
                          </Button>
                        </>
                      ) : null}
                      {can.replace ? (
                        <Button size="small" variant="outlined" component="label" disabled={busy}>
                          {t('images.replace')}
                          <input
                            type="file"
                            accept={ACCEPT}
                            hidden
                            aria-label={t('images.replaceOf', { label: image.label })}
                            onChange={(e) => {
                              const file = e.target.files?.[0];
                              if (file) replace.mutate({ image, file });
                              e.target.value = '';
                            }}
                          />
                        </Button>
                      ) : null}
                      {can.delete ? (
                        <DeleteButton busy={busy} onDelete={() => remove.mutate(image.id)} />
                      ) : null}
                    </Box>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
}
