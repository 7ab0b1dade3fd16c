/**
 * The transcript page's styles, inlined so the page and its HTML export need nothing else:
 * system fonts, light and dark from the system setting, one readable column, phone first.
 */
export const TRANSCRIPT_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1c1d21;--muted:#5b5f6b;--line:#d9dce3;--accent:#2f5bd3;--accent-bg:#eef2fd;--late:#8a5300;--spot:#fff6d6;--spot-line:#d9a400}
@media (prefers-color-scheme:dark){:root{--bg:#15161a;--fg:#e9eaee;--muted:#a3a7b3;--line:#34363e;--accent:#8fb0ff;--accent-bg:#1e2740;--late:#ffc46b;--spot:#2f2810;--spot-line:#b08a1a}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{max-width:42rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:.75rem 0 .25rem;color:var(--muted)}
.kicker,.meta,.note{color:var(--muted);margin:.25rem 0}
.state{border-left:4px solid var(--accent);background:var(--accent-bg);padding:.5rem .75rem;margin:1rem 0}
nav ul{list-style:none;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
nav a{display:inline-block;padding:.5rem .75rem;min-height:44px;border:1px solid var(--line);border-radius:.5rem;text-decoration:none}
ol.threads,ol.statuses,ol.answers{list-style:none;padding:0;margin:0}
ol.answers{margin-left:.75rem;padding-left:.75rem;border-left:2px solid var(--line)}
.status{padding:.6rem 0;border-bottom:1px solid var(--line)}
.status header{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:baseline;font-size:.95rem}
.status .author{text-decoration:none;color:var(--fg)}
.status .acct,.status time,.counts{color:var(--muted)}
.status .content{overflow-wrap:anywhere}
.status .content p{margin:.25rem 0}
.status.question{background:var(--accent-bg);padding:.6rem .75rem;border-radius:.5rem;border:0}
.status.spotlighted{background:var(--spot);border-left:4px solid var(--spot-line);padding-left:.5rem}
.badge{font-size:.75rem;font-weight:600;border:1px solid currentColor;border-radius:1rem;padding:0 .45rem}
.badge.host{color:var(--accent)}.badge.late{color:var(--late)}.badge.spotlight{color:var(--spot-line)}
.counts{font-size:.85rem;margin:0}
.poll ul{margin:.25rem 0;padding-left:1.25rem}.poll-count{font-variant-numeric:tabular-nums}
dl.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0}
dl.figures div{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
dl.figures dt{color:var(--muted);font-size:.85rem}dl.figures dd{margin:0;font-size:1.35rem;font-weight:600}
figure{margin:1rem 0}svg.chart{width:100%;height:auto;color:var(--accent)}svg.chart .axis{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details summary{cursor:pointer;min-height:44px;display:flex;align-items:center}
.media{display:grid;gap:.25rem;margin:.5rem 0;max-width:30rem}.media-2,.media-3,.media-4{grid-template-columns:1fr 1fr}
.media img{display:block;width:100%;height:auto;border-radius:.5rem;background:var(--line)}
.media-sensitive summary{display:grid;max-width:30rem;margin:.5rem 0}.media-sensitive summary>*{grid-area:1/1}
.media-cover{display:block;width:100%;height:auto;max-height:16rem;border-radius:.5rem}
.media-sensitive summary span{place-self:center;background:var(--bg);color:var(--fg);padding:.25rem .75rem;border-radius:1rem}
.media-sensitive[open] summary{display:flex}.media-sensitive[open] .media-cover{display:none}
.media-thumb{vertical-align:middle;border-radius:.25rem;height:4rem;width:auto}
footer.page-footer{margin:2rem 0;color:var(--muted);font-size:.85rem}
@media print{nav,.skip{display:none}}
`;
