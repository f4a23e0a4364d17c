declare module 'virtual:okr-portal/settings' {
  const settings: {
    /** Absolute path of the content folder. */
    contentDir: string;
    /** Day the scores are computed for, YYYY-MM-DD. */
    asOf: string;
    config: import('./schemas').PortalConfig;
    /** True under `astro dev`, where each request reads the content again. */
    dev: boolean;
  };
  export default settings;
}
