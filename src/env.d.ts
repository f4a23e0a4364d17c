declare module 'virtual:okr-portal/settings' {
  const settings: {
    /** Absolute path of the content folder. */
    contentDir: string;
    /** Day the scores are computed for, YYYY-MM-DD. */
    asOf: string;
    config: import('./schemas').PortalConfig;
    /** True in an internal build (OKR_INCLUDE_PRIVATE=1), which shows private objectives. */
    includePrivate: boolean;
    /** True under `astro dev`, where each request reads the content again. */
    dev: boolean;
  };
  export default settings;
}
