// A record's page images in Mirador 4. Mirador's code (≈2 MB) is imported only when a page with
// images draws this component, so other pages never load it; it shares the app's React and MUI.
// Mirador follows the manifest's viewingDirection: a thread-bound book pages right to left.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';

type ViewerElement = HTMLDivElement & { miradorViewer?: unknown };

export function MiradorViewer({ manifestIds, height = '75vh' }: { manifestIds: string[]; height?: string }) {
  const { t } = useTranslation();
  const id = `mirador-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ref = useRef<ViewerElement>(null);
  const [failed, setFailed] = useState(false);
  const key = manifestIds.join(' ');
  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    import('mirador')
      .then((Mirador) => {
        if (cancelled || !el) return;
        el.miradorViewer = Mirador.viewer({
          id,
          language: currentLang() === 'en' ? 'en' : 'zh-CN',
          windows: manifestIds.map((m) => ({ manifestId: new URL(m, window.location.href).href })),
          window: {
            allowClose: false,
            allowMaximize: false,
            allowFullscreen: true,
            defaultView: 'book',
            sideBarOpenByDefault: false,
          },
          workspace: { type: 'mosaic', showZoomControls: true },
          workspaceControlPanel: { enabled: false },
        });
        el.dataset.ready = 'true';
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
    // The viewer is made once per set of manifests; Mirador keeps its own state afterwards.
  }, [key]);
  if (failed) return <Alert severity="error">{t('record.viewerFailed')}</Alert>;
  return (
    <Box
      ref={ref}
      id={id}
      className="iiif-viewer"
      data-manifests={key}
      sx={{ position: 'relative', height, width: '100%' }}
    />
  );
}
