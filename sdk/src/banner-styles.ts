/**
 * The banner's CSS, inside a shadow root so the site's styles neither break it nor are broken by it.
 * Accept and Reject look the same and are the same size on purpose: refusing must be as easy as agreeing.
 * The buttons stay in view (sticky) while a long list of categories scrolls on a small screen.
 */
export const bannerStyles = `:host{all:initial}
dialog{box-sizing:border-box;width:min(36rem,calc(100% - 2rem));max-height:calc(100% - 2rem);overflow:auto;margin:auto auto 1rem;padding:1.25rem;border:0;border-radius:12px;background:#fff;color:#1d1d1f;font:15px/1.5 system-ui,sans-serif;box-shadow:0 8px 32px #0005}
dialog::backdrop{background:#0006}
h2{margin:0 2.5rem .5rem 0;font-size:1.25em}
p{margin:0 0 .75rem}
a{color:#0b57d0}
button{font:inherit;color:inherit;cursor:pointer;border-radius:8px}
.a{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem;position:sticky;bottom:-1.25rem;margin:0 -1.25rem -1.25rem;padding:.75rem 1.25rem 1.25rem;background:#fff}
.a button{padding:.6rem 1rem;border:2px solid #1d1d1f;background:#1d1d1f;color:#fff}
.a .s{background:#fff;color:#1d1d1f}
.x{position:absolute;top:.75rem;right:.75rem;border:0;background:none;font-size:1.6em;line-height:1;padding:.1rem .45rem}
.c{display:grid;grid-template-columns:1fr auto;gap:.25rem 1rem;align-items:center;padding:.75rem 0;border-top:1px solid #ddd}
.c p{grid-column:1/-1;margin:0;font-size:.9em;color:#444}
[role=switch]{position:relative;width:2.9rem;height:1.6rem;padding:0;border:2px solid #555;border-radius:1rem;background:#ccc}
[role=switch]:after{content:"";position:absolute;top:2px;left:2px;width:1.05rem;height:1.05rem;border-radius:50%;background:#fff;transition:left .15s}
[aria-checked=true]{background:#0b57d0;border-color:#0b57d0}
[aria-checked=true]:after{left:1.4rem}
:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
[hidden]{display:none!important}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}`;
