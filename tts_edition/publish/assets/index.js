// The subscribe box: served over HTTP, the feed's address is the one this page was opened at
// (serve rewrites the feed and its QR code for that address), so show that one to copy.
(function () {
  "use strict";
  var input = document.getElementById("feed-url");
  var web = document.getElementById("subscribe-web");
  var local = document.getElementById("subscribe-local");
  if (/^https?:$/.test(location.protocol)) {
    input.value = new URL("feed.xml", location.href).href;
    web.hidden = false;
    local.hidden = true;
  }
  input.addEventListener("focus", function () { input.select(); });
  document.getElementById("copy").addEventListener("click", function () {
    var done = function () { document.getElementById("copied").textContent = "已复制，可以粘贴到播客应用里了。"; };
    input.focus();
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { if (document.execCommand("copy")) done(); });
    } else if (document.execCommand("copy")) {
      done();
    }
  });
})();
