// The chat page's small stylesheet: readable on a phone, high contrast, visible keyboard focus.
export const chatCss = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f3f5f8}
body{margin:0}
.wrap{max-width:42rem;margin:0 auto;padding:0 .75rem 1.5rem}
header.top{padding:.4rem 0 .2rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.1rem .75rem}
h1{font-size:1.1rem;margin:0}
p{margin:.25rem 0}
.sos{background:#fff4e5;border-left:4px solid #b45309;padding:.2rem .5rem;border-radius:.25rem;font-size:.9rem;flex:1 1 22rem}
.demo{background:#eef2f7;border-left:4px solid #59636e;padding:.2rem .5rem;border-radius:.25rem;font-size:.8rem;flex:1 1 100%}
.chat{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-direction:column;gap:.6rem}
.msg{max-width:92%;padding:.55rem .75rem;border-radius:.9rem;background:#fff;border:1px solid #d0d7e2;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.me{align-self:flex-end;background:#0b5cad;color:#fff;border-color:#0b5cad}
.msg.case{border:2px solid #8a1111}
.msg.urgent{border:3px solid #b91c1c;background:#fff1f1;box-shadow:0 0 0 3px #fecaca}
.msg.urgent .who{color:#991b1b;font-size:.9rem;letter-spacing:.02em}
.msg.disclosure{border-left:6px solid #6d28d9;background:#faf7ff}
a.tel{color:#0b5cad;font-weight:700}
.msg.me a.tel{color:#fff}
.calls{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0 0;white-space:normal}
a.call{display:inline-flex;align-items:center;gap:.35rem;min-height:2.75rem;padding:.45rem .9rem;border-radius:.5rem;background:#b91c1c;color:#fff;font-weight:700;text-decoration:none}
a.call:first-child{font-size:1.1rem}
.call-label{font-weight:400;font-size:.9rem}
.callbar{position:sticky;top:0;z-index:10;display:flex;gap:1px;background:#7f1d1d;box-shadow:0 2px 4px rgba(0,0,0,.25)}
.callbar a{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:3rem;padding:.25rem;background:#b91c1c;color:#fff;text-decoration:none;line-height:1.2;text-align:center}
.callbar a strong{font-size:1.15rem}
.callbar a span{font-size:.75rem}
.callbar a:focus-visible{outline:3px solid #fde68a;outline-offset:-3px}
.ref{white-space:nowrap;font-weight:700;font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.02em}
.who{display:block;font-size:.8rem;font-weight:600;opacity:.85}
.pending{font-size:.8rem;color:#555}
.buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem;white-space:normal}
.msg{scroll-margin-top:3.75rem}
.btn{display:inline-flex;align-items:center;text-decoration:none}
button,.btn{font:inherit;min-height:2.75rem;padding:.45rem .9rem;border-radius:.5rem;border:2px solid #0b5cad;background:#fff;color:#0b5cad;cursor:pointer}
button.primary{background:#0b5cad;color:#fff;font-weight:700}
button:hover{background:#e8f0fa}button.primary:hover{background:#094a8c}
button.quiet{border-color:#8a939c;color:#3d454d;background:#f7f8fa}
button.edit{font-size:.9rem;min-height:2.5rem;padding:.3rem .7rem;border-width:1px}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.composer{margin-top:1rem;padding:.6rem 0;background:#f3f5f8}
.composer .row{display:flex;gap:.5rem;align-items:flex-end}
.composer .field{flex:1}
.attach{margin-top:.5rem}
.attach input[type=file]{font:inherit;max-width:100%;margin-top:.2rem}
.geo{margin-top:.25rem}
.notice{background:#fdecec;border-left:4px solid #8a1111;padding:.3rem .6rem;border-radius:.25rem}
label{display:block;font-weight:600;font-size:.9rem}
input[type=text]{width:100%;font:inherit;min-height:2.75rem;padding:.45rem .6rem;border:2px solid #59636e;border-radius:.5rem;background:#fff;color:#1a1a1a}
.tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.5rem}
.tools form{display:flex}
.tools a{color:#0b5cad}
footer.foot{margin-top:1.5rem;padding-top:.75rem;border-top:1px solid #d0d7e2}
.mode{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;margin:.5rem 0;padding:.5rem .6rem;background:#fff;border:1px dashed #8a939c;border-radius:.5rem}
.mode p{flex:1 1 14rem}
.small{font-size:.85rem;color:#4a525a}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:3.5rem;background:#fff;padding:.5rem;z-index:12}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
