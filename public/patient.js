// The patient's page, enhanced. The page is complete without this script (plain forms, <details>); with it,
// ticks save in place, the page follows the patient's own calendar day and holds get a timer. (The text-size
// control carries its own inline script.) Plain ES2017, no dependencies: old phones run it as it is.
(function () {
  "use strict";
  var main = document.querySelector("main.patient[data-day]");
  if (!main) return;

  // The patient's own day: the server can only guess it (UTC). It accepts any day within one of its own.
  var now = new Date();
  var pad = function (n) {
    return (n < 10 ? "0" : "") + n;
  };
  var localDay = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var url = new URL(location.href);
  if (main.getAttribute("data-day") !== localDay && url.searchParams.get("day") !== localDay) {
    url.searchParams.set("day", localDay);
    location.replace(url.toString());
    return;
  }

  var holds = document.querySelectorAll(".hold[data-hold-seconds]");
  for (var h = 0; h < holds.length; h++) holds[h].hidden = false;

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var holdButton = target && target.closest(".hold-start");
    if (holdButton) toggleHold(holdButton.closest(".hold"), holdButton);
  });

  // The hold timer: large digits counting down, then a buzz and a short tone where the phone allows.
  function toggleHold(hold, button) {
    if (hold._timer) {
      clearInterval(hold._timer);
      hold._timer = null;
      button.textContent = hold._label;
      hold.querySelector(".hold-digits").textContent = "";
      return;
    }
    var seconds = Number(hold.getAttribute("data-hold-seconds"));
    var digits = hold.querySelector(".hold-digits");
    var audio = null;
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      audio = Context ? new Context() : null; // created on the tap, so the browser lets it play later
    } catch {
      audio = null;
    }
    hold._label = button.textContent;
    button.textContent = "Stop";
    var end = Date.now() + seconds * 1000;
    digits.textContent = String(seconds);
    hold._timer = setInterval(function () {
      var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      digits.textContent = String(left);
      if (left > 0) return;
      clearInterval(hold._timer);
      hold._timer = null;
      button.textContent = hold._label;
      digits.textContent = "Done: relax";
      if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
      if (audio) {
        var tone = audio.createOscillator();
        tone.frequency.value = 880;
        tone.connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.4);
      }
    }, 250);
  }

  // Ticks: the same forms, posted with fetch. The server answers as it does without JavaScript (a redirect
  // to the page), and this session's block and the day's count are swapped in from that page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var block = form instanceof HTMLFormElement ? form.closest(".tick") : null;
    if (!block) return;
    event.preventDefault();
    var data = new FormData(form);
    var submitter = event.submitter;
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    block.setAttribute("aria-busy", "true");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById(block.id);
          if (!response.ok || !fresh) throw new Error("not saved");
          block.replaceWith(fresh);
          var today = page.getElementById("today");
          var oldToday = document.getElementById("today");
          if (today && oldToday) oldToday.replaceWith(today);
          var status = fresh.querySelector(".tick-message");
          if (status) status.focus();
        });
      })
      .catch(function () {
        block.removeAttribute("aria-busy");
        var message = block.querySelector(".tick-message") || document.createElement("p");
        message.className = "tick-message error";
        message.setAttribute("role", "alert");
        message.textContent = "That did not save: check your connection and try again.";
        block.appendChild(message);
      });
  });
})();
