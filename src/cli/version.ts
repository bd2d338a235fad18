declare const __TOOL_VERSION__: string | undefined;

/** Injected by the bundler from package.json; running from source says so. */
export const TOOL = {
  name: 'aftersales-assess',
  version: typeof __TOOL_VERSION__ === 'string' ? __TOOL_VERSION__ : '0.0.0-source',
};
