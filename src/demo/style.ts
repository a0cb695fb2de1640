/** How terminal text is decorated: ANSI escapes on a colour terminal, nothing otherwise. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly italic: (text: string) => string;
  readonly strike: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly blue: (text: string) => string;
  readonly magenta: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const same = (text: string) => text;

export const plainStyle: Style = {
  bold: same,
  dim: same,
  italic: same,
  strike: same,
  underline: same,
  red: same,
  green: same,
  yellow: same,
  blue: same,
  magenta: same,
  cyan: same,
};

const sgr =
  (on: number, off: number) =>
  (text: string): string =>
    `\u001b[${on}m${text}\u001b[${off}m`;

export const ansiStyle: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  italic: sgr(3, 23),
  strike: sgr(9, 29),
  underline: sgr(4, 24),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  magenta: sgr(35, 39),
  cyan: sgr(36, 39),
};

/** Removes ANSI escapes (to compare or measure what the reader sees). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');
export const stripAnsi = (text: string): string => text.replace(ANSI, '');
