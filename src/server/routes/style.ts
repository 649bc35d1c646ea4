/** The stylesheet of the minimal pages, served from `/style.css` (the CSP forbids inline styles). */
export const STYLE_CSS = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f7f7f5; }
header { background: #1d2430; padding: .5rem 1.5rem; }
header h1 { margin: 0; font-size: 1.2rem; }
header a { color: #fff; text-decoration: none; }
main { max-width: 60rem; margin: 1.5rem auto; padding: 0 1.5rem; }
form { display: flex; gap: .5rem; }
input[type=search] { flex: 1; font-size: 1rem; padding: .4rem .6rem; }
ol.articles { padding-left: 1.5rem; }
ol.articles li { margin: .4rem 0; }
.meta { color: #667; font-size: .85rem; }
.snippet { color: #333; font-size: .9rem; }
mark { background: #ffe27a; }
article p { max-width: 42rem; }
`;
