import { startBanner } from './banner.ts';

// A page that includes the script twice (a template and a tag manager) still gets one banner.
if (!window.Privet) startBanner();
