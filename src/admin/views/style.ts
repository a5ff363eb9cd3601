// The dashboard's small stylesheet: tables that turn into cards on a phone, high contrast, visible focus.
export const adminCss = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f3f5f8}
body{margin:0}
a{color:#0b5cad}
.top{background:#0b3d6e;color:#fff;padding:.5rem .75rem}
.top a{color:#fff}
.top .bar{max-width:72rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.brand{font-weight:700}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav a{display:inline-block;padding:.35rem 0;text-decoration:none;border-bottom:3px solid transparent}
nav a[aria-current=page]{border-bottom-color:#ffd166;font-weight:600}
.who{font-size:.85rem;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.top button{border-color:#fff;background:transparent;color:#fff;min-height:2.2rem;padding:.2rem .7rem}
main{max-width:72rem;margin:0 auto;padding:.75rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
p{margin:.35rem 0}
.card{background:#fff;border:1px solid #d0d7e2;border-radius:.5rem;padding:.75rem;margin:.75rem 0}
.card>h2:first-child{margin-top:0}
.help{color:#4a525a;font-size:.9rem}
.flash{background:#e7f5ec;border:1px solid #1e7a3c;color:#14532d;padding:.5rem .75rem;border-radius:.4rem}
.error{background:#fde8e8;border:1px solid #8a1111;color:#8a1111;padding:.5rem .75rem;border-radius:.4rem}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid #d0d7e2}
th{background:#e9eef5;font-size:.9rem}
tr.overdue td{background:#fde8e8}
table.compact th,table.compact td{font-size:.9rem;padding:.35rem .4rem}
.columns{columns:16rem;margin:.5rem 0 0;padding-left:1.2rem}
.badge{display:inline-block;font-size:.75rem;font-weight:700;padding:.05rem .4rem;border-radius:.3rem;border:1px solid currentColor}
.badge.red{color:#8a1111;background:#fff}
.badge.amber{color:#7a3e00;background:#fff4e5}
.clocks{list-style:none;margin:0;padding:0;font-size:.9rem}
.late{color:#8a1111;font-weight:600}
.ok{color:#14532d}
.skipped{color:#4a525a;font-style:italic}
.counters{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0}
.counters li{border:1px solid #d0d7e2;border-radius:.5rem;background:#fff}
.counters li.alert{border-color:#8a1111}
.counters a{display:block;padding:.4rem .7rem;text-decoration:none}
.counters strong{font-size:1.3rem}
textarea{font:inherit;width:100%;min-height:4rem;padding:.35rem .5rem;border:2px solid #59636e;border-radius:.4rem}
input[type=search],input[type=date],input:not([type]){font:inherit;min-height:2.6rem;padding:.35rem .5rem;border:2px solid #59636e;border-radius:.4rem;background:#fff;color:#1a1a1a;max-width:100%}
details.work{border:1px solid #d0d7e2;border-radius:.5rem;padding:.4rem .7rem;margin:.4rem 0;background:#fff}
details.work summary{font-weight:600;cursor:pointer}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end}
label{display:block;font-weight:600;font-size:.9rem}
.check label{display:flex;gap:.4rem;align-items:center;font-weight:400}
input[type=text],input[type=password],select{font:inherit;min-height:2.6rem;padding:.35rem .5rem;border:2px solid #59636e;border-radius:.4rem;background:#fff;color:#1a1a1a;max-width:100%}
input[type=checkbox]{width:1.3rem;height:1.3rem}
button{font:inherit;min-height:2.6rem;padding:.35rem .9rem;border-radius:.4rem;border:2px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem .9rem;margin:0}
dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.chart{width:100%;height:auto;max-width:48rem}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;color:#0b5cad;padding:.5rem;z-index:2}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.login{max-width:26rem;margin:2rem auto}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
@media (max-width:40rem){
  table.stack thead{position:absolute;left:-999px}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
  table.stack tr{border:1px solid #d0d7e2;border-radius:.5rem;margin:.6rem 0;background:#fff;overflow:hidden}
  table.stack td{border:0;border-bottom:1px solid #eef1f5;padding:.35rem .6rem}
  table.stack td::before{content:attr(data-label);display:block;font-size:.75rem;font-weight:700;color:#4a525a;text-transform:uppercase}
  dl{grid-template-columns:1fr}
  dd{margin-bottom:.4rem}
}
@page{size:A4;margin:14mm}
@media print{
  .top,.skip,.no-print{display:none!important}
  body{font-size:10.5pt;color:#000;background:#fff}
  main{max-width:none;padding:0}
  .annex-table{break-inside:avoid}
  tr{break-inside:avoid}
  a{color:#000;text-decoration:none}
}
`;
