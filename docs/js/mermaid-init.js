// Draw the ```mermaid fences of a page (pymdownx.superfences writes each as <div class="mermaid">,
// see mkdocs.yml). mermaid.min.js is shipped beside this file (mermaid 11.17.2, MIT, mermaid.LICENSE),
// so the diagrams render offline too, and it is loaded only on the pages that have a diagram.
(function () {
  var diagrams = document.querySelectorAll("div.mermaid");
  if (!diagrams.length) {
    return;
  }
  var here = document.currentScript ? document.currentScript.src : "";
  var script = document.createElement("script");
  script.src = here.replace(/mermaid-init\.js(\?.*)?$/, "mermaid.min.js");
  script.onload = function () {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    window.mermaid.run({ nodes: diagrams });
  };
  document.head.appendChild(script);
})();
