// chat.js: "share my location" for the web chat, where the browser has geolocation and allows it.
// Without it (no JavaScript, refused, not a secure page) the button stays hidden or says to type the address.
export const CHAT_SCRIPT = `(function () {
  var form = document.getElementById('geo');
  if (!form || !('geolocation' in navigator) || !window.isSecureContext) return;
  var status = form.querySelector('[role=status]');
  form.hidden = false;
  var none = document.getElementById('geo-none');
  if (none) none.hidden = true;
  form.addEventListener('submit', function (event) {
    if (form.elements.lat.value) return;
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        form.elements.lat.value = String(pos.coords.latitude);
        form.elements.lon.value = String(pos.coords.longitude);
        form.submit();
      },
      function () {
        button.disabled = false;
        status.textContent = form.getAttribute('data-denied');
        var box = document.getElementById('message');
        if (box) box.focus();
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  });
})();
`;
