/**
 * The transcript's own styles (threads, statuses, badges, static charts), in the app's tokens:
 * the page links the app's stylesheet (tokens, header, the session layout it shares with the
 * recap) and inlines these; the HTML export inlines both, so it needs nothing else.
 */
export const TRANSCRIPT_CSS = `
.doc-section h2{margin:var(--space-6) 0 var(--space-3);padding-bottom:var(--space-1);border-bottom:1px solid var(--border)}
.doc-section h3{margin:var(--space-5) 0 var(--space-2)}
.doc-section h4{margin:var(--space-3) 0 var(--space-1);color:var(--text-muted);font-size:var(--text-md)}
.note{color:var(--text-muted)}
ol.threads,ol.statuses,ol.answers{list-style:none;padding:0;margin:0}
ol.answers{margin-left:var(--space-3);padding-left:var(--space-3);border-left:2px solid var(--border)}
.status{padding:var(--space-3) 0;border-bottom:1px solid var(--border)}
.status header{display:flex;flex-wrap:wrap;gap:var(--space-1) var(--space-2);align-items:baseline;font-size:.95rem}
.status .author{text-decoration:none;color:var(--text)}
.status .acct,.status time,.counts,.acct{color:var(--text-muted)}
.status time{font-variant-numeric:tabular-nums}
.status .content{overflow-wrap:anywhere}
.status .content p{margin:var(--space-1) 0}
.status.question{background:var(--accent-soft);padding:var(--space-3);border-radius:var(--radius-sm);border:0}
.status.spotlighted{background:var(--surface);border-left:4px solid var(--accent);padding-left:var(--space-2)}
.status .role-badge{font-size:.75rem}
.doc-badge{font-size:.75rem;font-weight:600;border:1px solid currentColor;border-radius:999px;padding:0 .45rem;color:var(--text-muted)}
.doc-badge.spotlight{color:var(--link);background:var(--accent-soft);border-color:var(--accent)}
.counts{font-size:var(--text-sm);margin:0}
figure{margin:var(--space-4) 0}svg.chart{width:100%;height:auto;color:var(--accent)}svg.chart .axis{color:var(--text-muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:var(--space-1) var(--space-2);border-bottom:1px solid var(--border)}
.poll ul{margin:var(--space-1) 0;padding-left:1.25rem}.poll-count{font-variant-numeric:tabular-nums}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left}
details summary{cursor:pointer;min-height:44px;display:flex;align-items:center}
dl.definitions dt{font-weight:600}dl.definitions dd{margin:0 0 var(--space-2)}
.media{display:grid;gap:var(--space-1);margin:var(--space-2) 0;max-width:30rem}.media-2,.media-3,.media-4{grid-template-columns:1fr 1fr}
.media img{display:block;width:100%;height:auto;border-radius:var(--radius-sm);background:var(--border)}
.media-sensitive summary{display:grid;max-width:30rem;margin:var(--space-2) 0}.media-sensitive summary>*{grid-area:1/1}
.media-cover{display:block;width:100%;height:auto;max-height:16rem;border-radius:var(--radius-sm)}
.media-sensitive summary span{place-self:center;background:var(--bg);color:var(--text);padding:var(--space-1) var(--space-3);border-radius:999px}
.media-sensitive[open] summary{display:flex}.media-sensitive[open] .media-cover{display:none}
.media-thumb{vertical-align:middle;border-radius:.25rem;height:4rem;width:auto}
footer.page-footer{margin:var(--space-6) 0;color:var(--text-muted);font-size:var(--text-sm)}
@media print{.site-header,.tab-bar,.session-tabs,.skip-link{display:none}}
`;
