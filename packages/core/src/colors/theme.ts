/** The three themes every element has. */
export type Theme = 'light' | 'dark' | 'contrast';
export type ByTheme<T> = Record<Theme, T>;

