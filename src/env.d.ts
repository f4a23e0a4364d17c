declare module 'virtual:okr-portal/settings' {
  const settings: {
    /** Absolute path of the content folder. */
    contentDir: string;
    /** Day the scores are computed for, YYYY-MM-DD. */
    asOf: string;
    config: import('./schemas').PortalConfig;
  };
  export default settings;
}
