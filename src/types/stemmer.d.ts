declare module 'stemmer' {
  /** Porter stemmer (stemmer 1.x, CommonJS). */
  function stemmer(value: string): string;
  export = stemmer;
}
