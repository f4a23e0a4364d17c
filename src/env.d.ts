declare module 'virtual:okr-portal/settings' {
  const settings: {
    /** Absolute path of the content folder. */
    contentDir: string;
    /** Day the scores are computed for, YYYY-MM-DD. */
    asOf: string;
    config: import('./schemas').PortalConfig;
    /** True in an internal build (OKR_INCLUDE_PRIVATE=1), which shows private objectives. */
    includePrivate: boolean;
  };
  export default settings;
}
