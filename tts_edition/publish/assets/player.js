// The player: one big button, article buttons, speeds, the sentence being read,
// and the listening position kept on this device. No libraries, no requests
// except the MP3 itself, so the page also works when opened as a file.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("edition-data").textContent);
  var chapters = data.chapters;   // [{start, title}]
  var cues = data.cues;           // [{start, end, text}]
  var audio = document.getElementById("audio");
  var playButton = document.getElementById("play");
  var chapterButtons = Array.prototype.slice.call(document.querySelectorAll("#chapters button"));
  var speedButtons = Array.prototype.slice.call(document.querySelectorAll(".speeds button"));
  var cueView = document.getElementById("cue");
  var chapterView = document.getElementById("now-chapter");
  var positionKey = "tts-edition:position:" + data.key;
  var rateKey = "tts-edition:rate";
  var pendingSeek = null;
  var lastSaved = -1;
  var shownChapter = -2;
  var shownCue = -2;   // -2: the page's first words are still shown, until playing starts
  var END_SLACK = 1.5; // a position this close to the end counts as heard to the end

  audio.controls = false;
  audio.classList.add("enhanced");

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, String(value));
    } catch (e) { /* private mode or storage full: the player still works */ }
  }
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    seconds = Math.floor(seconds);
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    var mm = h ? (m < 10 ? "0" : "") + m : String(m);
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" : "") + s;
  }

  // The last item whose start is at or before t (items are in time order).
  function lastStartingBy(items, t) {
    var lo = 0, hi = items.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].start <= t + 0.05) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function chapterAt(t) { return Math.max(0, lastStartingBy(chapters, t)); }

  // The sentence stays on screen through the pause after it, but not into the next article.
  function cueAt(t) {
    var i = lastStartingBy(cues, t);
    if (i < 0) return -1;
    var c = chapters.length ? chapters[chapterAt(t)].start : 0;
    return cues[i].end <= c + 0.05 && c > cues[i].start ? -1 : i;
  }

  function now() { return pendingSeek !== null ? pendingSeek : audio.currentTime; }

  function render() {
    var t = now();
    var ci = chapters.length ? chapterAt(t) : -1;
    if (ci !== shownChapter) {
      shownChapter = ci;
      chapterButtons.forEach(function (b, i) {
        if (i === ci) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
      });
      chapterView.textContent = ci >= 0
        ? "第" + (ci + 1) + "篇，共" + chapters.length + "篇：" + chapters[ci].title
        : "";
    }
    var qi = cueAt(t);
    if (qi !== shownCue && (shownCue !== -2 || qi >= 0)) {
      shownCue = qi;
      cueView.textContent = qi >= 0 ? cues[qi].text : "";
      cueView.setAttribute("data-cue", String(qi));
      cueView.setAttribute("data-kind", qi >= 0 ? cues[qi].kind || "sentence" : "");
    }
    var length = total();
    document.getElementById("time").textContent = clock(t);
    document.getElementById("duration").textContent = clock(length);
    document.getElementById("bar").style.width = (length ? Math.min(100, 100 * t / length) : 0) + "%";
  }

  function total() { return isFinite(audio.duration) && audio.duration > 0 ? audio.duration : data.duration; }
  function finished(t) { return t >= total() - END_SLACK; }

  // Often enough to lose at most a second if the phone kills the page; always when paused or left.
  // An edition heard to the end is forgotten, so it opens at the beginning next time.
  function save(always) {
    var t = audio.currentTime;
    if (pendingSeek !== null || (always !== true && Math.abs(t - lastSaved) < 1)) return;
    lastSaved = t;
    store(positionKey, audio.ended || finished(t) ? null : t.toFixed(2));
  }

  function seek(t) {
    t = Math.max(0, t);
    if (audio.readyState < 1) { pendingSeek = t; } else { audio.currentTime = t; }
    render();
  }

  function play() {
    if (audio.ended || now() >= total() - 0.25) seek(0); // at the very end: again from the top
    var p = audio.play();
    if (p && p.catch) p.catch(function () { /* refused until the listener presses play */ });
  }
  function toggle() { if (audio.paused) play(); else audio.pause(); }

  function goTo(i) {
    if (!chapters.length) return;
    i = Math.max(0, Math.min(chapters.length - 1, i));
    seek(chapters[i].start);
    play();
  }
  function previous() { goTo(chapterAt(now()) - 1); }
  function next() {
    var i = chapterAt(now());
    if (i < chapters.length - 1) goTo(i + 1);
  }

  function setRate(rate) {
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    speedButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(parseFloat(b.getAttribute("data-rate")) === rate));
    });
    store(rateKey, rate);
  }

  function showPlaying() {
    var playing = !audio.paused;
    document.getElementById("play-icon").textContent = playing ? "❚❚" : "▶";
    document.getElementById("play-text").textContent = playing ? "暂停" : "播放";
    playButton.setAttribute("aria-label", playing ? "暂停" : "播放");
  }

  playButton.addEventListener("click", toggle);
  document.getElementById("prev").addEventListener("click", previous);
  document.getElementById("next").addEventListener("click", next);
  document.getElementById("back").addEventListener("click", function () { seek(now() - 15); });
  chapterButtons.forEach(function (b) {
    b.addEventListener("click", function () { goTo(parseInt(b.getAttribute("data-index"), 10)); });
  });
  speedButtons.forEach(function (b) {
    b.addEventListener("click", function () { setRate(parseFloat(b.getAttribute("data-rate"))); });
  });

  // On a focused button or link, Space presses it and the arrows move the focus (a TV remote's
  // spatial navigation); only with nothing focused do they play/pause and change articles.
  // The media keys always do.
  function onControl(e) {
    var t = e.target;
    return !!t && t !== document.body && t !== document.documentElement && /^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(t.tagName);
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "MediaPlayPause") { e.preventDefault(); toggle(); return; }
    if (k === "MediaTrackPrevious") { e.preventDefault(); previous(); return; }
    if (k === "MediaTrackNext") { e.preventDefault(); next(); return; }
    if (onControl(e)) return;
    if (k === " " || k === "Spacebar") { e.preventDefault(); if (!e.repeat) toggle(); }
    else if (k === "ArrowLeft") { e.preventDefault(); previous(); }
    else if (k === "ArrowRight") { e.preventDefault(); next(); }
  });

  audio.addEventListener("loadedmetadata", function () {
    if (pendingSeek !== null) {
      var t = Math.min(pendingSeek, Math.max(0, audio.duration - 1));
      pendingSeek = null;
      audio.currentTime = t;
    }
    audio.playbackRate = audio.defaultPlaybackRate;
    render();
  });
  audio.addEventListener("timeupdate", function () { render(); save(); });
  audio.addEventListener("seeked", function () { render(); save(true); });
  audio.addEventListener("play", function () {
    showPlaying();
    if (shownCue === -2) { shownCue = -3; render(); } // the "press play" line goes as soon as it plays
  });
  audio.addEventListener("pause", function () { showPlaying(); save(true); });
  audio.addEventListener("ended", function () {
    store(positionKey, null);
    lastSaved = -1;
    cueView.textContent = data.next ? "这一部分听完了。请按“下一部分”接着听。" : "听完了。再按播放，从头开始。";
    cueView.setAttribute("data-cue", "-1");
    var link = document.getElementById("next-part");
    if (link) link.focus();
  });
  window.addEventListener("pagehide", function () { save(true); });
  audio.addEventListener("error", function () {
    cueView.textContent = "声音文件打不开。请检查网络，再刷新这一页。";
    cueView.setAttribute("data-cue", "-1");
  });

  if ("mediaSession" in navigator) {
    try {
      var artwork = data.cover ? [{ src: new URL(data.cover, location.href).href, sizes: "1400x1400", type: "image/jpeg" }] : [];
      navigator.mediaSession.metadata = new MediaMetadata({ title: data.title, artist: data.paper || "", artwork: artwork });
      navigator.mediaSession.setActionHandler("play", play);
      navigator.mediaSession.setActionHandler("pause", function () { audio.pause(); });
      navigator.mediaSession.setActionHandler("previoustrack", previous);
      navigator.mediaSession.setActionHandler("nexttrack", next);
    } catch (e) { /* an older browser: the buttons on the page still work */ }
  }

  var savedRate = parseFloat(load(rateKey));
  setRate([0.8, 1, 1.2].indexOf(savedRate) >= 0 ? savedRate : 1);
  // The sentence and article lines as tall as their longest text at this width, so nothing
  // below them moves while the edition plays (on a phone a long sentence takes many lines).
  function holdHeight(view, texts) {
    var longest = texts.slice().sort(function (a, b) { return b.length - a.length; }).slice(0, 12);
    var probe = view.cloneNode(false);
    probe.removeAttribute("id");
    probe.setAttribute("aria-hidden", "true");
    probe.style.cssText = "position:absolute;visibility:hidden;left:0;top:0;min-height:0;width:" + view.clientWidth + "px";
    view.parentNode.appendChild(probe);
    var tallest = 0;
    longest.concat([view.textContent]).forEach(function (text) {
      probe.textContent = text;
      tallest = Math.max(tallest, probe.offsetHeight);
    });
    probe.parentNode.removeChild(probe);
    view.style.minHeight = tallest + "px";
  }
  function holdLayout() {
    holdHeight(cueView, cues.map(function (c) { return c.text; }));
    holdHeight(chapterView, chapters.map(function (c, i) { return "第" + (i + 1) + "篇，共" + chapters.length + "篇：" + c.title; }));
  }
  holdLayout();
  window.addEventListener("resize", holdLayout);

  var saved = parseFloat(load(positionKey));
  if (saved > 0 && saved < data.duration - END_SLACK) seek(saved);
  render();
})();
