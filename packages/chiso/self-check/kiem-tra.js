// chiso self-check (kiem-tra.html): a classic script, not a module, so that it runs even where the server sends
// .js files with a type that modules refuse; it then says so. It checks, from the portal's own server: the type of
// every chiso file, that chiso.js loads, that module workers start, the page's Content-Security-Policy, WebGL,
// HTTP range requests, and feeds given by the webmaster. Nothing is sent anywhere. The build writes the list of
// files below (scripts/build.mjs).
'use strict';
(function () {
  var FILES = /*CHISO_FILES*/[]/*END*/;
  var results = document.getElementById('results');
  var feedResults = document.getElementById('feed-results');
  var summary = document.getElementById('summary');
  var lines = [];
  var here = new URL('.', location.href);
  var violations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push({ url: e.blockedURI, directive: (e.effectiveDirective || e.violatedDirective || '').replace(/-(elem|attr)$/, '') });
  });
  document.getElementById('no-script').remove();

  var MARK = { ok: '✓', warn: '!', fail: '✗' };
  var WORD = { ok: 'ĐẠT / OK', warn: 'LƯU Ý / WARNING', fail: 'LỖI / FAIL' };
  /** One result: what was checked and what came out (vi, en), and what to change when it is not right. */
  function report(list, id, status, vi, en, fixVi, fixEn) {
    var li = document.createElement('li');
    li.className = status;
    li.dataset.check = id;
    li.dataset.status = status;
    var head = document.createElement('span');
    head.textContent = MARK[status] + ' ' + vi + ' ';
    var eng = document.createElement('span');
    eng.lang = 'en';
    eng.textContent = '/ ' + en;
    li.append(head, eng);
    if (fixVi) {
      var fix = document.createElement('span');
      fix.className = 'fix';
      fix.textContent = '→ ' + fixVi + (fixEn ? ' / ' + fixEn : '');
      li.append(fix);
    }
    list.append(li);
    lines.push('[' + WORD[status] + '] ' + id + ': ' + vi + ' / ' + en + (fixVi ? '\n    → ' + fixVi + (fixEn ? ' / ' + fixEn : '') : ''));
    writeSummary();
  }
  function writeSummary() {
    summary.value = ['chiso — kiểm tra / self-check', 'Trang / Page: ' + location.href, 'Trình duyệt / Browser: ' + navigator.userAgent,
      'Thời điểm / Time: ' + new Date().toISOString(), ''].concat(lines).join('\n');
  }
  function isJavaScriptMime(type) {
    return /^\s*((application|text)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))\s*(;|$)/i.test(type || '');
  }
  function timeout(ms) {
    return new Promise(function (resolve) { setTimeout(function () { resolve('timeout'); }, ms); });
  }
  function violationFor(url) {
    var origin = new URL(url, location.href).origin;
    for (var i = violations.length - 1; i >= 0; i--) {
      var v = violations[i];
      if (v.url === url || v.url === origin || (v.url && url.indexOf(v.url) === 0)) return v;
    }
    return undefined;
  }

  // 1. Every chiso file: there, and of a type the browser accepts (JavaScript for .js).
  async function checkFiles() {
    var bad = [];
    var nosniff = false;
    await Promise.all(FILES.map(async function (file) {
      var url = new URL(file, here).href;
      try {
        var r = await fetch(url, { cache: 'no-store' });
        var type = r.headers.get('content-type') || '';
        if (/nosniff/i.test(r.headers.get('x-content-type-options') || '')) nosniff = true;
        void (r.body && r.body.cancel());
        if (!r.ok) bad.push({ file: file, vi: 'HTTP ' + r.status + ' (không có trên máy chủ)', en: 'HTTP ' + r.status + ' (not on the server)', kind: 'missing' });
        else if (/\.js$/.test(file) && !isJavaScriptMime(type)) bad.push({ file: file, vi: 'kiểu "' + (type || 'không có') + '"', en: 'type "' + (type || 'none') + '"', kind: 'mime' });
      } catch (e) {
        bad.push({ file: file, vi: 'không tải được', en: 'could not be downloaded', kind: 'network' });
      }
    }));
    if (!FILES.length) {
      report(results, 'files', 'warn', 'Không có danh sách tệp (trang này không nằm trong thư mục chiso đã build)', 'No file list (this page is not in a built chiso folder)');
      return;
    }
    if (!bad.length) {
      report(results, 'files', 'ok', 'Cả ' + FILES.length + ' tệp của chiso có trên máy chủ, tệp .js có kiểu JavaScript', 'All ' + FILES.length + ' chiso files are on the server, .js files typed as JavaScript');
      return;
    }
    var mime = bad.filter(function (b) { return b.kind === 'mime'; });
    var missing = bad.filter(function (b) { return b.kind !== 'mime'; });
    var list = function (items, lang) { return items.slice(0, 6).map(function (b) { return b.file + ': ' + b[lang]; }).join('; ') + (items.length > 6 ? '; …' : ''); };
    if (mime.length) {
      report(results, 'mime', 'fail', mime.length + ' tệp .js có kiểu MIME sai, trình duyệt sẽ không chạy: ' + list(mime, 'vi'),
        mime.length + ' .js files have a wrong MIME type and browsers will not run them: ' + list(mime, 'en'),
        'Cấu hình máy chủ trả "text/javascript" cho .js (IIS: <mimeMap fileExtension=".js" mimeType="text/javascript" />; nginx: types { text/javascript js; }; Apache: AddType text/javascript .js)',
        'Serve .js as "text/javascript" (IIS mimeMap, nginx types, Apache AddType)');
    }
    if (missing.length) {
      report(results, 'missing', 'fail', missing.length + ' tệp không tải được: ' + list(missing, 'vi'), missing.length + ' files could not be loaded: ' + list(missing, 'en'),
        'Sao chép cả thư mục của chiso.js (chunks/, vendor/, atlas/); với IIS, thêm kiểu MIME cho .json nếu thiếu (application/json)',
        'Copy the whole folder of chiso.js (chunks/, vendor/, atlas/); on IIS add a MIME type for .json if it lacks one');
    }
    if (nosniff && mime.length) lines.push('    (X-Content-Type-Options: nosniff)');
  }

  // 2. chiso.js itself loads as a module and defines its elements.
  var chiso = null;
  async function checkModule() {
    var url = new URL('chiso.js', here).href;
    try {
      chiso = await Promise.race([import(url), timeout(20000).then(function () { throw new Error('no answer after 20 s'); })]);
      // chiso.js is a loader: each tag's package loads when the tag first appears. Load every one now.
      var tags = Object.keys(chiso.TAGS || {});
      var loaded = await Promise.race([Promise.all(tags.map(function (t) { return chiso.load(t); })), timeout(30000).then(function () { return null; })]);
      if (!loaded) {
        report(results, 'module', 'warn', 'chiso.js tải được, nhưng mã của các thẻ chưa tải xong sau 30 giây (mạng chậm?)',
          'chiso.js loads, but the code of its tags had not loaded after 30 s (a slow network?)', 'Tải lại trang này để kiểm tra lại', 'Reload this page to check again');
        return;
      }
      var failed = tags.filter(function (t, i) { return !loaded[i]; });
      var defined = tags.length > 0 && failed.length === 0;
      report(results, 'module', defined ? 'ok' : 'fail',
        defined ? 'chiso.js tải được, mã của cả ' + tags.length + ' thẻ chiso tải được' : 'chiso.js tải được nhưng mã của các thẻ sau không tải được: ' + (failed.join(', ') || '(không có thẻ nào)'),
        defined ? 'chiso.js loads, and so does the code of all ' + tags.length + ' chiso tags' : 'chiso.js loads but the code of these tags does not: ' + (failed.join(', ') || '(no tags)'),
        defined ? undefined : 'Xem các lỗi về kiểu MIME và tệp thiếu ở trên (thư mục chunks/)', defined ? undefined : 'See the MIME type and missing-file results above (the chunks/ folder)');
    } catch (e) {
      await timeout(50);
      var v = violationFor(url);
      if (v) report(results, 'module', 'fail', 'Chính sách bảo mật (CSP) chặn chiso.js (' + v.directive + ')', 'The Content-Security-Policy blocks chiso.js (' + v.directive + ')',
        "Thêm 'self' (hoặc máy chủ chứa chiso.js) vào script-src", "Add 'self' (or the host of chiso.js) to script-src");
      else report(results, 'module', 'fail', 'chiso.js không tải được dưới dạng module: ' + (e && e.message), 'chiso.js does not load as a module: ' + (e && e.message),
        'Xem các lỗi về kiểu MIME và tệp thiếu ở trên', 'See the MIME type and missing-file results above');
    }
  }

  // 3. A module worker starts (MapLibre's and the coverage worker are module workers).
  async function checkWorker() {
    var url = new URL('kiem-tra-worker.js', here).href;
    var outcome;
    try {
      var w = new Worker(url, { type: 'module' });
      outcome = await Promise.race([
        new Promise(function (resolve) { w.onmessage = function () { resolve('ok'); }; w.onerror = function (e) { e.preventDefault(); resolve('error'); }; }),
        timeout(8000),
      ]);
      w.terminate();
    } catch (e) {
      outcome = 'error';
    }
    await timeout(50);
    if (outcome === 'ok') {
      report(results, 'worker', 'ok', 'Luồng nền (module worker) khởi động được', 'Module workers start');
      return;
    }
    var v = violationFor(url);
    if (v) {
      report(results, 'worker', 'fail', 'Chính sách bảo mật (CSP) chặn luồng nền (' + v.directive + '): bản đồ không vẽ được', 'The Content-Security-Policy blocks workers (' + v.directive + '): maps cannot draw',
        "Thêm 'self' vào worker-src (và blob: nếu dùng)", "Add 'self' to worker-src");
    } else {
      report(results, 'worker', 'fail', 'Luồng nền (module worker) không khởi động được (' + outcome + '): bản đồ không vẽ được', 'Module workers do not start (' + outcome + '): maps cannot draw',
        'Kiểm tra kiểu MIME của .js và dùng trình duyệt mới (Chrome/Edge ≥ 80, Firefox ≥ 114, Safari ≥ 15)', 'Check the MIME type of .js and use a current browser');
    }
  }

  // 4. The page's Content-Security-Policy, read from this page's own response and meta tags.
  function sourcesFor(policy, directive, fallbacks) {
    var chain = [directive].concat(fallbacks, ['default-src']);
    for (var i = 0; i < chain.length; i++) if (policy[chain[i]]) return { from: chain[i], list: policy[chain[i]] };
    return null;
  }
  async function checkPolicy() {
    var texts = [];
    try {
      var r = await fetch(location.href, { cache: 'no-store' });
      var h = r.headers.get('content-security-policy');
      if (h) texts.push(h);
    } catch (e) { /* the page itself: unreachable only offline */ }
    document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]').forEach(function (m) { texts.push(m.content); });
    if (!texts.length) {
      report(results, 'csp', 'ok', 'Trang này không có Content-Security-Policy (hãy mở cả một trang bài viết thật: CMS có thể đặt chính sách riêng)',
        'No Content-Security-Policy on this page (open a real article page too: a CMS may set its own)');
      return;
    }
    // Each policy on its own (a header may join several with commas): chiso must be allowed by every one.
    var policies = [];
    texts.forEach(function (t) {
      t.split(',').forEach(function (one) {
        var policy = {};
        one.split(';').forEach(function (part) {
          var words = part.trim().split(/\s+/);
          var name = (words[0] || '').toLowerCase();
          if (name && !policy[name]) policy[name] = words.slice(1).map(function (w) { return w.toLowerCase(); });
        });
        if (Object.keys(policy).length) policies.push(policy);
      });
    });
    var origin = here.origin.toLowerCase();
    var host = here.host.toLowerCase();
    // Whether a source list lets chiso's own files (this origin) through, or the scheme source asked for.
    var allows = function (list, src, directive) {
      if (directive === 'script-src' && list.indexOf("'strict-dynamic'") >= 0) return false; // 'self' is then ignored
      if (list.indexOf(src) >= 0) return true;
      if (src === 'data:' || src === "'unsafe-inline'") return false; // * covers neither
      return list.some(function (s) {
        if (s === '*' || s === "'self'" || s === origin || s === here.protocol) return true;
        var bare = s.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
        if (bare === host) return true;
        return bare.indexOf('*.') === 0 && host.slice(-(bare.length - 1)) === bare.slice(1);
      });
    };
    var needs = [
      { d: 'script-src', fb: [], src: "'self'", vi: 'tải chiso.js', en: 'load chiso.js' },
      { d: 'worker-src', fb: ['child-src', 'script-src'], src: "'self'", vi: 'chạy luồng nền của bản đồ', en: "run the maps' workers" },
      { d: 'connect-src', fb: [], src: "'self'", vi: 'tải ranh giới và dữ liệu', en: 'download boundaries and feeds' },
      { d: 'img-src', fb: [], src: 'data:', vi: 'vẽ biểu tượng trên bản đồ', en: 'draw map icons' },
      { d: 'style-src', fb: [], src: "'unsafe-inline'", vi: 'đặt kiểu cho điều khiển bản đồ', en: 'style map controls' },
    ];
    var problems = [];
    needs.forEach(function (n) {
      var blocked = policies.some(function (policy) {
        var s = sourcesFor(policy, n.d, n.fb);
        return s && !allows(s.list, n.src, s.from === 'default-src' ? n.d : s.from);
      });
      if (blocked) problems.push(n);
    });
    if (!problems.length) {
      report(results, 'csp', 'ok', 'Content-Security-Policy của trang này cho phép chiso (hãy mở cả một trang bài viết thật: CMS có thể đặt chính sách khác)',
        "This page's Content-Security-Policy allows chiso (open a real article page too: a CMS may set another policy)");
      return;
    }
    problems.forEach(function (n) {
      report(results, 'csp-' + n.d, n.d === 'style-src' || n.d === 'img-src' ? 'warn' : 'fail',
        'Content-Security-Policy thiếu ' + n.src + ' trong ' + n.d + ': chiso không ' + n.vi + ' được',
        'The Content-Security-Policy lacks ' + n.src + ' in ' + n.d + ': chiso cannot ' + n.en,
        'Thêm ' + n.src + ' vào ' + n.d + (n.d === 'connect-src' ? ' (và máy chủ của các nguồn dữ liệu)' : ''),
        'Add ' + n.src + ' to ' + n.d + (n.d === 'connect-src' ? ' (and the hosts of your feeds)' : ''));
    });
  }

  // 5. WebGL2, which the maps draw with.
  function checkWebgl() {
    var gl = null;
    try { gl = document.createElement('canvas').getContext('webgl2'); } catch (e) { gl = null; }
    if (!gl) {
      report(results, 'webgl', 'fail', 'Trình duyệt này không có WebGL2: bản đồ không vẽ được (biểu đồ, đồng hồ vẫn hiển thị)', 'This browser has no WebGL2: maps cannot draw (charts and gauges still show)',
        'Dùng trình duyệt mới và bật tăng tốc phần cứng', 'Use a current browser with hardware acceleration on');
      return;
    }
    var info = gl.getExtension('WEBGL_debug_renderer_info');
    var renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    var software = /swiftshader|llvmpipe|software|basic render/i.test(String(renderer));
    report(results, 'webgl', software ? 'warn' : 'ok', 'WebGL2 có' + (software ? ', nhưng vẽ bằng phần mềm (chậm)' : '') + ' (' + renderer + ')',
      'WebGL2 available' + (software ? ', software-rendered (slow)' : '') + ' (' + renderer + ')',
      software ? 'Bật tăng tốc phần cứng của trình duyệt' : '', software ? "Turn on the browser's hardware acceleration" : '');
  }

  // 6. HTTP range requests (PMTiles boundaries read parts of one file).
  async function checkRanges() {
    var file = FILES.filter(function (f) { return /\.json$/.test(f); })[0] || 'chiso.js';
    try {
      var r = await fetch(new URL(file, here).href, { headers: { Range: 'bytes=0-15' }, cache: 'no-store' });
      void (r.body && r.body.cancel());
      if (r.status === 206 && /bytes 0-15\//.test(r.headers.get('content-range') || '')) {
        report(results, 'range', 'ok', 'Máy chủ hỗ trợ yêu cầu theo đoạn (HTTP Range): dùng được tệp PMTiles', 'The server supports HTTP range requests: PMTiles files work');
      } else {
        report(results, 'range', 'warn', 'Máy chủ không trả lời yêu cầu theo đoạn (HTTP Range, trả ' + r.status + ') cho ' + file + ': tệp PMTiles có thể không dùng được (máy chủ nén động .json cũng bỏ qua Range: khi đó hãy thử với tệp .pmtiles của bạn); ranh giới có sẵn và GeoJSON vẫn dùng được',
          'The server ignores HTTP range requests for ' + file + ' (answered ' + r.status + '): PMTiles files may not work (a server compressing .json on the fly ignores ranges too: then try your .pmtiles file); the built-in boundaries and GeoJSON still work',
          'Bật Accept-Ranges trên máy chủ tĩnh (mặc định ở IIS, nginx, Apache; tắt nén động cho .pmtiles)', 'Enable byte ranges on the static server (on by default in IIS, nginx, Apache; no dynamic compression for .pmtiles)');
      }
    } catch (e) {
      report(results, 'range', 'warn', 'Không thử được yêu cầu theo đoạn: ' + (e && e.message), 'Could not try a range request: ' + (e && e.message));
    }
  }

  // 7. Feeds: reachable, allowed (CORS, CSP), readable, and what they hold.
  async function checkFeed(url) {
    var abs;
    try { abs = new URL(url, location.href).href; } catch (e) {
      report(feedResults, 'feed', 'fail', url + ': không phải địa chỉ hợp lệ', url + ': not a valid address');
      return;
    }
    var response;
    try {
      response = await Promise.race([fetch(abs, { cache: 'no-store' }), timeout(15000)]);
    } catch (e) {
      await timeout(50);
      var v = violationFor(abs);
      if (v) {
        report(feedResults, 'feed', 'fail', abs + ': Content-Security-Policy chặn (' + v.directive + ')', abs + ': blocked by the Content-Security-Policy (' + v.directive + ')',
          'Thêm ' + new URL(abs).origin + ' vào connect-src', 'Add ' + new URL(abs).origin + ' to connect-src');
        return;
      }
      var opaque = await fetch(abs, { mode: 'no-cors', cache: 'no-store' }).then(function () { return true; }, function () { return false; });
      if (opaque && new URL(abs).origin !== location.origin) {
        report(feedResults, 'feed', 'fail', abs + ': máy chủ dữ liệu trả lời nhưng không cho trang này đọc (thiếu CORS)', abs + ': the feed server answers but does not let this page read it (no CORS)',
          'Máy chủ dữ liệu cần gửi Access-Control-Allow-Origin: ' + location.origin, 'The feed server must send Access-Control-Allow-Origin: ' + location.origin);
      } else {
        report(feedResults, 'feed', 'fail', abs + ': không kết nối được (sai địa chỉ, máy chủ tắt, hoặc tường lửa)', abs + ': unreachable (wrong address, server down, or a firewall)',
          'Kiểm tra địa chỉ và máy chủ dữ liệu', 'Check the address and the feed server');
      }
      return;
    }
    if (response === 'timeout') {
      report(feedResults, 'feed', 'fail', abs + ': không trả lời sau 15 giây', abs + ': no answer after 15 seconds', 'Kiểm tra máy chủ dữ liệu', 'Check the feed server');
      return;
    }
    if (!response.ok) {
      report(feedResults, 'feed', 'fail', abs + ': HTTP ' + response.status, abs + ': HTTP ' + response.status, 'Kiểm tra địa chỉ (tệp có trên máy chủ?)', 'Check the address (is the file on the server?)');
      return;
    }
    var text;
    try {
      text = await Promise.race([response.text(), timeout(30000).then(function () { throw new Error('timeout'); })]);
    } catch (e) {
      report(feedResults, 'feed', 'fail', abs + ': nội dung bị cắt hoặc không tải hết (' + (e && e.message) + ')', abs + ': the body was cut short or never finished (' + (e && e.message) + ')',
        'Kiểm tra máy chủ dữ liệu', 'Check the feed server');
      return;
    }
    var reader = await import(new URL('kiem-tra-doc.js', here).href).catch(function () { return null; });
    if (!reader) {
      report(feedResults, 'feed', 'warn', abs + ': tải được (' + text.length + ' ký tự) nhưng kiem-tra-doc.js không tải được nên chưa đọc thử', abs + ': downloaded (' + text.length + ' characters), not read: kiem-tra-doc.js did not load');
      return;
    }
    try {
      var model = await reader.parseFeedAsync(text);
      var obs = model.observations || [];
      var areas = new Set(obs.map(function (o) { return o.area; }));
      var levels = Array.from(new Set(obs.map(function (o) { return o.level; }).filter(Boolean)));
      var periods = Array.from(new Set(obs.map(function (o) { return o.period; }))).sort();
      var nameOf = function (n) { return n && typeof n === 'object' ? n.vi || n.en || '' : n || ''; };
      var indicators = (model.indicators || []).map(function (i) { return i.id + (nameOf(i.name) ? ' (' + nameOf(i.name) + ')' : ''); });
      var span = periods.length ? periods[0] + (periods.length > 1 ? ' … ' + periods[periods.length - 1] : '') : '–';
      report(feedResults, 'feed', obs.length ? 'ok' : 'warn',
        abs + ': đọc được (' + (model.format || 'chiso') + '), ' + obs.length + ' giá trị; chỉ tiêu: ' + indicators.join(', ') + '; ' + areas.size + ' địa bàn' + (levels.length ? ' (' + levels.join(', ') + ')' : '') + '; kỳ: ' + span,
        abs + ': readable (' + (model.format || 'chiso') + '), ' + obs.length + ' values; indicators: ' + indicators.join(', ') + '; ' + areas.size + ' areas; periods: ' + span);
    } catch (e) {
      var message = e && e.localizedMessage ? e.localizedMessage('vi') : String(e && e.message);
      var english = e && e.localizedMessage ? e.localizedMessage('en') : String(e && e.message);
      report(feedResults, 'feed', 'fail', abs + ': không đọc được: ' + message, abs + ': cannot be read: ' + english,
        'Xem định dạng nguồn dữ liệu chiso (feed v1), JSON-stat, CKAN, GeoJSON hoặc CSV trong README', 'See the chiso feed v1, JSON-stat, CKAN, GeoJSON or CSV formats in the README');
    }
  }
  async function checkFeeds() {
    feedResults.textContent = '';
    lines = lines.filter(function (l) { return !/\] feed:/.test(l); });
    var urls = document.getElementById('feeds').value.split(/\s+/).filter(Boolean);
    for (var i = 0; i < urls.length; i++) await checkFeed(urls[i]);
    document.body.dataset.feedsChecked = String(urls.length);
  }

  var params = new URLSearchParams(location.search);
  document.getElementById('feeds').value = params.getAll('feed').join('\n');
  document.getElementById('check-feeds').addEventListener('click', checkFeeds);
  document.getElementById('copy').addEventListener('click', function () {
    summary.select();
    if (navigator.clipboard) navigator.clipboard.writeText(summary.value).catch(function () { document.execCommand('copy'); });
    else document.execCommand('copy');
  });
  writeSummary();
  (async function () {
    var checks = [checkFiles, checkModule, checkWorker, checkPolicy, checkWebgl, checkRanges];
    if (params.getAll('feed').length) checks.push(checkFeeds);
    for (var i = 0; i < checks.length; i++) {
      try {
        await checks[i]();
      } catch (e) {
        // One check that breaks must not hide the others.
        report(results, 'self-check', 'warn', 'Một phép kiểm tra bị lỗi: ' + (e && e.message), 'A check failed to run: ' + (e && e.message));
      }
    }
    document.body.dataset.done = 'true';
  })();
})();
