// tinyglobby's own matcher, used to match paths the glob cannot read (names that are not UTF-8).
declare module 'picomatch' {
  export default function picomatch(glob: string, options?: { dot?: boolean }): (path: string) => boolean;
}
