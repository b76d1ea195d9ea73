// MUI themed to the system's own identity (the old style.css): paper-toned background, ink text,
// one seal-red accent, serif headings, a dark header with a red rule, an amber focus ring.
import { createTheme } from '@mui/material/styles';

/** The palette of the paper-and-ink design, shared by the theme and the few hand-styled parts. */
export const colors = {
  paper: '#f5f1e8',
  surface: '#fffdf9',
  ink: '#24201b',
  muted: '#5d554b',
  line: '#d8cfbf',
  lineStrong: '#b9ad98',
  accent: '#8a2b1d',
  accentDark: '#6b2015',
  accentSoft: '#f6e7e2',
  link: '#1d4a66',
  header: '#2c2823',
  headerInk: '#f4eee3',
  headerMuted: '#cfc5b5',
  error: '#a3151b',
  ok: '#2d6a3e',
  focus: '#d98a1f',
} as const;

const sans = [
  'system-ui',
  '-apple-system',
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  'sans-serif',
].join(',');
const serif = [
  "'Songti SC'",
  "'STSong'",
  "'Noto Serif CJK SC'",
  "'Source Han Serif SC'",
  "'SimSun'",
  'Georgia',
  'serif',
].join(',');

/** A visible keyboard focus ring, the same on every control. */
const focusRing = { outline: `3px solid ${colors.focus}`, outlineOffset: 2 } as const;

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: colors.accent, dark: colors.accentDark, contrastText: '#fff6ee' },
    secondary: { main: colors.link },
    error: { main: colors.error },
    success: { main: colors.ok },
    background: { default: colors.paper, paper: colors.surface },
    text: { primary: colors.ink, secondary: colors.muted },
    divider: colors.line,
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: sans,
    h1: { fontFamily: serif, fontWeight: 700, fontSize: '1.75rem', lineHeight: 1.3 },
    h2: { fontFamily: serif, fontWeight: 700, fontSize: '1.25rem', lineHeight: 1.3 },
    h3: { fontFamily: serif, fontWeight: 700, fontSize: '1rem', lineHeight: 1.3 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        body: { lineHeight: 1.6 },
        a: { color: colors.link, textUnderlineOffset: '0.15em' },
        'a:hover': { color: colors.accent },
        ':focus-visible': focusRing,
        // Headings take focus only to move screen readers along after navigation; no ring for them.
        'h1[tabindex="-1"]:focus, #main:focus': { outline: 'none' },
      },
    },
    MuiButtonBase: { defaultProps: { disableRipple: true } },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
    },
    MuiLink: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': focusRing } } },
    MuiOutlinedInput: {
      styleOverrides: {
        root: {
          backgroundColor: colors.surface,
          '& .MuiOutlinedInput-notchedOutline': { borderColor: colors.lineStrong },
          '&.Mui-focused': focusRing,
          '&.Mui-focused .MuiOutlinedInput-notchedOutline': { borderColor: colors.ink, borderWidth: 1 },
        },
      },
    },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: { outlined: { borderColor: colors.line } },
    },
  },
});

export const fonts = { sans, serif };
