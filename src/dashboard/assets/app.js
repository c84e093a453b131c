// The dashboard's one script: no framework, no third-party code (the CSP allows only this file).
(function () {
  'use strict';
  // A one-time link page: use the link at once (by POST, so that link previews do not use it up).
  var useLink = document.getElementById('use-link');
  if (useLink) useLink.submit();

  // Opened as a Telegram Mini App without a session: Telegram puts the signed initData in the address's fragment.
  var signIn = document.getElementById('sign-in');
  var launch = /(?:^#|&)tgWebAppData=([^&]*)/.exec(location.hash);
  if (signIn && launch) {
    fetch(signIn.getAttribute('data-mini-app'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'init_data=' + encodeURIComponent(decodeURIComponent(launch[1])),
    }).then(function (response) {
      if (response.ok) return location.replace(location.pathname + location.search);
      return response.text().then(function (text) {
        var p = document.createElement('p');
        p.className = 'message';
        p.textContent = text;
        signIn.appendChild(p);
      });
    });
  }

  // The task list's filters apply as soon as one changes.
  var filters = document.querySelector('form.filters');
  if (filters) {
    filters.addEventListener('change', function () {
      filters.submit();
    });
  }
})();
