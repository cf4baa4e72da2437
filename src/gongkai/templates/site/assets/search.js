/* The search page: reads the index gongkai writes under search/ (see src/gongkai/search/), nothing from other hosts.
   The rules that cut text into keys are those of src/gongkai/search/tokens.py; the tests hold both to the same list. */
(function () {
  "use strict";
  var CJK = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var UNIT = new RegExp("[" + CJK + "]|[0-9]+|[a-z]+|\\n", "gu");
  var ONE_CJK = new RegExp("^[" + CJK + "]$", "u");
  var YEAR_NIAN = /(?<![0-9])([0-9]{4})年(?=[0-9])/g;
  var ZEROS = /(?<![0-9])0+(?=[0-9]+号)/g, YEAR = /^[0-9]{4}$/, NUMBER = /^[0-9]+$/;
  var PAGE = 20, CHUNK = 30, NEAR = 6, ECHO = 40;
  // the characters of a query that are looked up: every piece of a query fetches a part of the index, and a pasted page
  // of 2,000 characters would fetch as many parts (megabytes on a phone's data plan); the longest title is shorter
  var LONGEST_QUERY = 200;
  var KINDS = { item: "公开事项", town: "乡镇" };
  var base = new URL("../search/", document.currentScript.src);
  var files = new Map(), meta = null, syllables = null, current = null;

  // every part of the index is asked of the server again (a 304 when unchanged), never taken from the browser's cache
  // unasked: a server that sends no Cache-Control lets a browser keep a file for a tenth of its age, and a computer at
  // a 公开查阅点 went on finding, with its title and text, a notice the site had withdrawn days before
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(new URL(path, base), { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(path + " " + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes); // the server unzipped it
        return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
      }).then(JSON.parse));
    }
    return files.get(path);
  }

  var CRC = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();
  function crc32(text) {
    var bytes = new TextEncoder().encode(text), c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // ---- units and keys (tokens.py) ----
  function normalize(text) { return folded(text).replace(YEAR_NIAN, "$1 ").replace(ZEROS, ""); }
  function folded(text) { return text.normalize("NFKC").toLowerCase().replace(/ü/g, "v"); } // ü typed v (pinyin)
  function units(text) { return (normalize(text).match(UNIT) || []).filter(function (u) { return u !== "\n"; }); }
  function key(parts) { return parts.map(function (p) { return ONE_CJK.test(p) ? p : p + " "; }).join(""); }
  function queryKeys(parts) {
    if (parts.length === 1) return ONE_CJK.test(parts[0]) ? [] : [key(parts)];
    var width = parts.length === 2 ? 2 : 3, found = [];
    for (var i = 0; i + width <= parts.length; i++) {
      var k = key(parts.slice(i, i + width));
      if (found.indexOf(k) < 0) found.push(k);
    }
    return found;
  }
  // units with where they stand in the original text, for checking a match and marking it
  function located(text) {
    var norm = "", starts = [], ends = [], at = 0, found = [], match;
    for (var ch of text) {
      var n = folded(ch);
      for (var k = 0; k < n.length; k++) { starts.push(at); ends.push(at + ch.length); }
      norm += n; at += ch.length;
    }
    norm = norm.replace(YEAR_NIAN, "$1 ");
    UNIT.lastIndex = 0;
    while ((match = UNIT.exec(norm))) {
      var u = norm[match.index + match[0].length] === "号" ? match[0].replace(/^0+(?=[0-9])/, "") : match[0]; // ZEROS
      found.push({ u: u, w: match[0], s: starts[match.index], e: ends[match.index + match[0].length - 1] });
    }
    return found;
  }
  function spans(text, sequences) {
    var all = located(text || ""), found = [];
    sequences.forEach(function (seq) {
      for (var i = 0; i + seq.length <= all.length; i++) {
        var k = 0;
        // a way that dropped the zeros of its last number (012 for 012号) holds only where the page writes them
        while (k < seq.length && all[i + k].u === seq[k] && (k !== seq.at || all[i + k].w === seq.zeros)) k++;
        if (k === seq.length) found.push({ s: all[i].s, e: all[i + k - 1].e, n: seq.length, of: all.length });
      }
    });
    return found.sort(function (a, b) { return a.s - b.s; });
  }

  // ---- the index ----
  function lookup(k) {
    return load("s/" + (crc32(k) % meta.shards) + ".json.gz").then(function (shard) { return shard[k]; });
  }
  // postings (differences; −n: n more of the difference before) → Map(page → 1 when in title, 文号 or 索引号)
  function pages(value) {
    var found = new Map(), sum = 0, last = 0;
    if (!Array.isArray(value)) return found;
    value.forEach(function (d) {
      for (var n = d < 0 ? -d : 1, step = d < 0 ? last : d; n > 0; n--) { sum += step; found.set(sum >> 1, sum & 1); }
      if (d >= 0) last = d;
    });
    return found;
  }
  function count(value) {
    return Array.isArray(value) ? value.reduce(function (n, d) { return n + (d < 0 ? -d : 1); }, 0) : 0;
  }
  function both(a, b) {
    var found = new Map(), small = a.size <= b.size ? a : b, large = small === a ? b : a;
    small.forEach(function (head, page) { if (large.has(page)) found.set(page, head & large.get(page)); });
    return found;
  }

  // ---- pinyin (pinyin.py): dibao → di bao → 低保; db → d b → 低保 ----
  function cuts(letters) {
    // lüe and nüe are typed lue and nue as often as lve and nve (pinyin keyboards take both; no lue or nue is
    // Mandarin): 战略 zhanlue, 虐待 nuedai read as pypinyin writes them, zhan lve and nve dai
    letters = letters.replace(/([ln])ue/g, "$1ve");
    var memo = {};
    function from(i) {
      if (i === letters.length) return [[]];
      if (memo[i]) return memo[i];
      var found = [];
      for (var j = Math.min(letters.length, i + 6); j > i; j--) {
        if (!syllables.has(letters.slice(i, j))) continue;
        from(j).forEach(function (rest) { if (found.length < 8) found.push([letters.slice(i, j)].concat(rest)); });
      }
      return (memo[i] = found);
    }
    return from(0).sort(function (a, b) { return a.length - b.length; }).slice(0, 4);
  }
  function chain(keys) {
    return Promise.all(keys.map(lookup)).then(function (maps) {
      var found = [["", Infinity]];
      for (var i = 0; i < maps.length; i++) {
        var words = maps[i], next = [];
        if (!words || Array.isArray(words)) return [];
        found.forEach(function (f) {
          Object.keys(words).forEach(function (w) {
            var chars = Array.from(w), last = Array.from(f[0]).pop();
            if (i === 0) next.push([w, words[w]]);
            else if (last === chars[0]) next.push([f[0] + chars[1], Math.min(f[1], words[w])]);
          });
        });
        found = next.sort(function (a, b) { return b[1] - a[1]; }).slice(0, 20);
        if (!found.length) return [];
      }
      return found.slice(0, 6);
    });
  }
  // the words that sound so ([word, how many titles and item names say it]), the likeliest first: those counts
  // weighed by the pages holding the word (yl: 养老 14 × 44 pages before 国务院令's 院令 1 × 53; db: 低保 1 × 13
  // before 年度报告's 度报 2 × 2); a word on no page is left out
  function weighed(words) {
    return Promise.all(words.map(function (w) {
      return Promise.all(queryKeys(units(w[0])).map(lookup)).then(function (values) {
        return Math.min.apply(null, values.map(count));
      });
    })).then(function (counts) {
      return words.map(function (w, i) { return [w[0], counts[i] * w[1], counts[i]]; }).filter(function (p) { return p[2] > 0; })
        .sort(function (a, b) { return b[1] - a[1]; }).map(function (p) { return p[0]; });
    });
  }
  // initials typed with zh, ch, sh as some keyboards take them (shhjz, lshjz: 社会救助, 临时救助) are tried as z, c, s
  // when the letters read no other way (shjz alone is s h j z)
  async function sounds(letters, again) {
    var ways = cuts(letters);
    for (var w = 0; w < ways.length; w++) {
      var cut = ways[w], keys = [];
      if (cut.length < 2) continue;
      for (var i = 0; i + 1 < cut.length; i++) keys.push("~" + cut[i] + " " + cut[i + 1]);
      var words = await weighed(await chain(keys));
      if (words.length) return words;
    }
    if (ways.some(function (c) { return c.length === 1; }) || letters.length > 12) return [];
    var initials = [];
    for (var j = 0; j + 1 < letters.length; j++) initials.push("^" + letters[j] + letters[j + 1]);
    var heard = await weighed(await chain(initials));
    if (heard.length || again || !/[zcs]h/.test(letters)) return heard;
    return sounds(letters.replace(/([zcs])h/g, "$1"), true);
  }

  // ---- a query: words (AND), each one or more ways of writing it (OR) ----
  // a 文号's year and number are written 〔2026〕12号, 〔2026〕第12号 and 2026年第12号: each finds the others; so are
  // the numbers of 令 and 公告 (国务院令第649号, 国务院令649号: 第 before a number and 号 may be left out or added)
  function docNumberWays(parts) {
    var bare = [], ways = [parts];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "第" && NUMBER.test(parts[i + 1] || "") && parts[i + 2] === "号") continue;
      bare.push(parts[i]);
      if (!YEAR.test(parts[i])) continue;
      var j = i + 1;
      if (parts[j] === "年") j++;
      if (parts[j] === "第") j++;
      if (j > i + 1 && NUMBER.test(parts[j] || "")) i = j - 1;
    }
    [bare, withDi(bare)].forEach(function (way) {
      if (!ways.some(function (w) { return w.join("\n") === way.join("\n"); })) ways.push(way);
    });
    return ways;
  }
  // every way *parts* may stand in a page: its 文号 writings, and at its ends what the page's own text dropped —
  // a query ending 2026年 where the page reads 2026年12月 (the page has 2026 12), one starting 年12 (2026年12),
  // one ending 012 where the page reads 012号 (the page has 12号: that way is …12号, and a page holds it only where
  // it writes 012 before 号 — .zeros at .at — so 00031 is not 31号, nor 023222619 23222619)
  function writings(parts) {
    var ways = docNumberWays(parts), last = parts.length - 1;
    function add(way) { if (!ways.some(function (w) { return w.join("\n") === way.join("\n"); })) ways.push(way); }
    if (last > 0 && parts[last] === "年" && YEAR.test(parts[last - 1])) add(parts.slice(0, last));
    if (last > 0 && parts[0] === "年" && NUMBER.test(parts[1])) add(parts.slice(1));
    // 安民〔2026〕12号文, 12号文件: how people name a document by its 文号; pages write the 文号 alone
    for (var tail = 1; tail <= 2; tail++) {
      var end = parts.slice(last - tail + 1).join("");
      if (last - tail >= 1 && (end === "文" || end === "文件") && parts[last - tail] === "号" &&
          NUMBER.test(parts[last - tail - 1])) docNumberWays(parts.slice(0, last - tail + 1)).forEach(add);
    }
    // a date typed 2026-11-18, 2026.11.18 or 2026/11/18 (and 2026-11 alone): pages write 2026年11月18日
    var date = parts.join(" ").match(/^(.*?)\b((?:19|20)[0-9]{2}) ([0-9]{1,2})(?: ([0-9]{1,2}))?\b(.*)$/);
    if (date && dated(date)) {
      var day = [date[2], String(Number(date[3])), "月"].concat(date[4] ? [String(Number(date[4])), "日"] : []);
      add(units(date[1]).concat(day, units(date[5])));
    }
    if (/^0+[0-9]/.test(parts[last])) {
      var zeroed = parts.slice(0, last).concat([parts[last].replace(/^0+(?=[0-9])/, ""), "号"]);
      zeroed.zeros = parts[last];
      zeroed.at = last;
      ways.push(zeroed);
    }
    return ways;
  }
  // the parts of a date typed with numbers alone: a month 1–12 and a day 1–31; a month alone only when the word is
  // nothing else (2026-11), never a piece of a code (MZ-2026-11, 2026-11-0007)
  function dated(m) {
    var month = Number(m[3]), day = m[4] === undefined ? null : Number(m[4]);
    if (month < 1 || month > 12 || day !== null && (day < 1 || day > 31)) return false;
    return day !== null ? !/^[0-9]/.test(m[5].trim()) && !/[0-9]$/.test(m[1].trim()) : !m[1].trim() && !m[5].trim();
  }
  function withDi(parts) {
    var found = [];
    parts.forEach(function (p, i) {
      var next = parts[i + 1] || "";
      found.push(p);
      // a 令's number ending the word is its number too (国务院令711: 国务院令第711号), as 号 is left out of a 文号
      if (NUMBER.test(next) && (YEAR.test(p) || p !== "第" && !NUMBER.test(p) && parts[i + 2] === "号" ||
                                p === "令" && i + 2 === parts.length)) found.push("第");
    });
    return found;
  }
  // pinyin as people type it: tone marks (dībǎo, lǜ) and apostrophes (xi'an) folded away — only for a query of
  // letters alone (or with tone numbers, toneless()), since the index does not fold accents in text
  function spoken(query) {
    var plain = query.normalize("NFD").replace(/[uU]\u0308/g, "v").replace(/[\u0300-\u036f]/g, "").replace(/['’‘ʼ]/g, "");
    return /^[a-z0-5\s]*[a-z][a-z0-5\s]*$/.test(folded(plain)) ? plain : query;
  }
  // words part where the query has a space or a mark that ends a word (低保、特困人员, 低保,特困: two words, the pages
  // holding them together first), never inside a 文号, 索引号 or date (〔〕 - . / stay inside a word)
  var APART = /[\s，,、；;。！!？?]+/;
  // characters typed apart (低 保, 社 会 救 助): a run of one-character pieces is one word
  function joined(query) {
    var found = [], alone = false;
    query.split(APART).forEach(function (raw) {
      var parts = units(raw), one = parts.length === 1 && ONE_CJK.test(parts[0]);
      if (!parts.length) return; // nothing to search (plan() would skip it)
      if (one && alone) found[found.length - 1] += raw; else found.push(raw);
      alone = one;
    });
    return found;
  }
  // pinyin typed beside characters (dibao标准, 特困renyuan, tk人员): each run of letters beside a character read as
  // the word it sounds like, the first reading that some page holds together with the characters; null when none, or
  // when a page holds the letters as typed (MZ系统, an abbreviation a page writes so)
  async function mixed(parts) {
    var read = parts.map(function (p) { return [p]; }), changed = false;
    if (await held(parts)) return null;
    for (var i = 0; i < parts.length; i++) {
      if (!/^[a-z]{2,}$/.test(parts[i]) || !(ONE_CJK.test(parts[i - 1] || "") || ONE_CJK.test(parts[i + 1] || ""))) continue;
      var heard = await sounds(parts[i]);
      for (var h = 0; h < heard.length; h++) {
        var tried = read.slice(0, i).concat([units(heard[h])], read.slice(i + 1));
        if (await held([].concat.apply([], tried))) { read = tried; changed = true; break; }
      }
    }
    return changed ? [].concat.apply([], read) : null;
  }
  function held(parts) { // true when some page holds every key of *parts*
    return Promise.all(queryKeys(parts).map(lookup)).then(function (values) {
      var all = null;
      values.forEach(function (v) { all = all ? both(all, pages(v)) : pages(v); });
      return !!all && all.size > 0;
    });
  }
  // the letters of pinyin typed with tone numbers (di1bao3, dibao3, lv4shi1): runs of letters, each followed by one
  // digit 0–5 (the last one maybe not), two syllables or more; null for anything else (MZ2026, a12, mz2, 350524 MZ),
  // and sounds() reads them as any letters typed apart
  function toneless(parts) {
    var letters = [], tones = 0, two = false;
    for (var i = 0; i < parts.length; i++) {
      if (/^[a-z]+$/.test(parts[i])) {
        two = two || letters.length > 0 || cuts(parts[i]).some(function (c) { return c.length > 1; });
        letters.push(parts[i]);
      } else if (/^[0-5]$/.test(parts[i]) && /^[a-z]+$/.test(parts[i - 1] || "")) tones++;
      else return null;
    }
    return tones && two ? letters : null;
  }
  // the words of titles and item names a run of pinyin says one after another (di bao biao zhun: 低保, 标准), each of two
  // syllables or more, the longest first; null when the syllables cannot all be so read (a phrase of up to 12)
  async function phrases(letters) {
    var ways = cuts(letters);
    for (var w = 0; w < ways.length; w++) {
      if (ways[w].length < 4 || ways[w].length > 12) continue;
      var found = await parted(ways[w]);
      if (found) return found;
    }
    return null;
  }
  async function parted(cut) {
    for (var k = cut.length - 2; k >= 2; k--) {
      var head = await reading(cut.slice(0, k));
      if (!head.length) continue;
      var tail = await reading(cut.slice(k));
      if (tail.length) return [head[0], tail[0]];
      var rest = cut.length - k >= 4 ? await parted(cut.slice(k)) : null;
      if (rest) return [head[0]].concat(rest);
    }
    return null;
  }
  async function reading(cut) { // the words that sound as *cut* says, the likeliest first (sounds() for one cut)
    var keys = [];
    for (var i = 0; i + 1 < cut.length; i++) keys.push("~" + cut[i] + " " + cut[i + 1]);
    return keys.length ? weighed(await chain(keys)) : [];
  }
  // letters between two numbers are part of a code typed apart (350524 MZ 2026 00007, a 索引号), not pinyin
  function coded(raws, n) {
    var before = units(raws[n - 1] || "").pop() || "", after = units(raws[n + 1] || "")[0] || "";
    return NUMBER.test(before) && NUMBER.test(after);
  }
  async function plan(query) {
    query = spoken(query);
    var words = [], short = [], all = units(query), letters = (toneless(all) || all).join("");
    // pinyin typed apart: di bao, Di Bao, di-bao, di·bao (letters alone, in more than one piece), or with tone
    // numbers (di1bao3, di4 bao3)
    if (all.length > 1 && /^[a-z]{2,}$/.test(letters)) {
      var apart = await sounds(letters);
      if (apart.length) {
        words.push({ raw: query.trim(), ways: [[letters], units(apart[0])], said: apart[0], others: apart.slice(1) });
        return { words: words, short: short, phrase: null };
      }
      var whole = await spokenWords(letters, query.trim());
      if (whole) return { words: whole.words, short: short, phrase: whole.line, heard: [whole.heard] };
    }
    var raws = joined(query), line = [], notes = [];
    for (var n = 0; n < raws.length; n++) {
      var raw = raws[n], parts = units(raw);
      if (!parts.length) continue;
      if (parts.length === 1 && ONE_CJK.test(parts[0])) { short.push(raw); line = line.concat(parts); continue; }
      // a word typed twice (低保，低保; a list pasted with its repeats) is one word: never 「同时包含“低保”和“低保”」,
      // nor 200 links to the same search
      if (words.some(function (w) { return w.ways[0].join("\n") === parts.join("\n"); })) { line = line.concat(parts); continue; }
      var word = { raw: raw, ways: writings(parts), said: "", others: [] };
      if (parts.length === 1 && /^[a-z]{2,}$/.test(parts[0]) && !coded(raws, n)) {
        var heard = await sounds(parts[0]), split = heard.length ? null : await spokenWords(parts[0], raw);
        if (heard.length) { word.said = heard[0]; word.others = heard.slice(1); word.ways.push(units(heard[0])); }
        if (split) { words = words.concat(split.words); line = line.concat(split.line); notes.push(split.heard); continue; }
      } else {
        var read = await mixed(parts);
        if (read) { word.said = read.join(""); word.ways.push(read); }
      }
      words.push(word);
      line = line.concat(parts);
    }
    // words typed apart (安民 〔2026〕 12 号): the pages holding them together rank first
    var phrase = words.length > 1 ? (notes.length ? line : units(query)) : null;
    return { words: words, short: short, phrase: phrase, heard: notes };
  }
  // a phrase in pinyin that no title says whole (dibaobiaozhun, dibao shenqing): the words of titles and item names it
  // is made of, each a word of the query (searched together); null when it cannot be so read, or when some page writes
  // the letters as they are typed
  async function spokenWords(letters, raw) {
    var split = await held([letters]) ? null : await phrases(letters);
    if (!split) return null;
    split = split.filter(function (w, i) { return split.indexOf(w) === i; }); // dibao dibao: 低保 once
    return { words: split.map(function (w) { return { raw: w, ways: [units(w)], said: "", others: [] }; }),
             line: units(split.join("")), heard: "“" + raw + "”按拼音查找" + split.map(function (w) { return "“" + w + "”"; }).join("") };
  }
  async function matches(words, filters) {
    var wanted = [];
    words.forEach(function (w) { w.ways.forEach(function (p) { wanted = wanted.concat(queryKeys(p)); }); });
    filters.forEach(function (f) { wanted.push("=" + f[0] + "=" + f[1]); });
    var values = new Map();
    await Promise.all(wanted.map(function (k) { return lookup(k).then(function (v) { values.set(k, v); }); }));
    var found = null, some = new Set();
    words.forEach(function (w) {
      var any = new Map();
      w.ways.forEach(function (parts) {
        var keys = queryKeys(parts), all = null;
        keys.forEach(function (k) { all = all ? both(all, pages(values.get(k))) : pages(values.get(k)); });
        (all || new Map()).forEach(function (head, page) { any.set(page, (any.get(page) || 0) | head); });
      });
      found = found ? both(found, any) : any;
      any.forEach(function (head, page) { if (head) some.add(page); });
    });
    filters.forEach(function (f) {
      var kept = pages(values.get("=" + f[0] + "=" + f[1]));
      kept.forEach(function (head, page) { kept.set(page, 1); });
      found = found ? both(found, kept) : new Map(Array.from(kept.keys()).map(function (p) { return [p, 0]; }));
    });
    found = found || new Map();
    found.some = some; // the pages with at least one word in the title, 文号 or 索引号 (coarse() ranks them next)
    return found;
  }
  // the words of a query that mixes numbers and Chinese (2026年低保, 低保2026), cut where they meet; null when no
  // word mixes them, when a piece is one character, or for what looks like a 文号, which is never cut: brackets, a
  // number before 号, a year and a number (安民〔2026〕1 is no 文号 there is, not 安民 and 2026 and 1)
  function pieces(words) {
    var found = [], cut = false;
    for (var w = 0; w < words.length; w++) {
      var parts = words[w].ways[0], groups = [];
      if (words[w].said || /[〔〕[\]()（）【】［］]/.test(words[w].raw) || parts.some(function (p, i) {
        return NUMBER.test(p) && (parts[i + 1] === "号" || YEAR.test(p) && NUMBER.test(parts[i + 1] || ""));
      })) return null;
      parts.forEach(function (p, i) {
        if (p === "年" && YEAR.test(parts[i - 1] || "")) return; // 2026年: the year
        var last = groups[groups.length - 1];
        if (last && ONE_CJK.test(p) && ONE_CJK.test(last[last.length - 1])) last.push(p);
        else groups.push([p]);
      });
      if (groups.length > 1) cut = true;
      for (var g of groups) {
        if (g.length === 1 && ONE_CJK.test(g[0])) return null;
        // a piece said twice (12-12, 低保2026低保) is one word: never 「同时包含“12”和“12”」
        if (!found.some(function (f) { return f.raw === g.join(""); })) found.push({ raw: g.join(""), ways: [g], said: "", others: [] });
      }
    }
    return cut ? found : null;
  }
  // the short names people say for what pages write in full (低保 for 最低生活保障; 五保, 五保户 for 特困人员, the name
  // that replaced them in 2014): a word on no page is looked for in full (低保办事指南 → 最低生活保障办事指南), and a
  // word that is found offers its full name; null when no word has a short name in it
  var SHORT = [["五保户", "特困人员"], ["五保", "特困人员"], ["低保", "最低生活保障"]];
  function renamed(words) {
    var changed = false, found = words.map(function (w) {
      var raw = w.said ? w.raw : SHORT.reduce(function (r, s) { return r.split(s[0]).join(s[1]); }, w.raw);
      if (raw === w.raw) return w;
      changed = true;
      return { raw: raw, ways: writings(units(raw)), said: "", others: [] };
    });
    return changed ? found : null;
  }
  // a question typed as one asks it (低保怎么申请, 结婚登记需要什么材料, 什么是低保): the words around its question words
  // and particles, for when the whole question is on no page (低保 and 申请); null when there is none to take out
  var ASKING = /怎么样|怎么|怎样|如何|什么是|是什么|什么|在哪里|在哪儿|哪里|哪儿|在哪|哪些|哪个|是多少|多少|需要|请问|我想|我要|能不能|可不可以|可以|是否|有没有|吗|呢|吧|的/;
  function unasked(words) {
    var found = [], cut = false;
    words.forEach(function (w) {
      var rest = w.said ? [w.raw] : w.raw.split(ASKING);
      if (rest.length === 1) { found.push(w); return; }
      cut = true;
      rest.forEach(function (raw) { // a character left alone (我要办低保: 办) is too common to search
        var parts = units(raw);
        if (parts.length > 1 || parts.length === 1 && !ONE_CJK.test(parts[0])) {
          found.push({ raw: raw, ways: writings(parts), said: "", others: [] });
        }
      });
    });
    return cut && found.length ? found : null;
  }
  // what is left of a question around its question words may glue a verb or a particle to the word asked about
  // (怎么办理低保: 办理低保; 我要办低保: 办低保; 低保去哪儿办: 低保去): a piece of three characters or more that no page
  // holds is read as the runs pages hold when they leave out at most one character at each end and none between them
  // (办理低保: 办理, 低保; 办低保: 低保); null when nothing was so read (公积金和低保怎么办: 公积金 is on no page, and
  // 积金 or 金和 is no word asked about; 救灾怎么申请: 救灾 is two characters, a word on no page, never left out)
  async function heldParts(words) {
    var found = [], cut = false;
    function add(parts) {
      var raw = parts.join("");
      if (!found.some(function (f) { return f.raw === raw; })) found.push({ raw: raw, ways: writings(parts), said: "", others: [] });
    }
    for (var w = 0; w < words.length; w++) {
      var parts = words[w].ways[0], runs;
      if (words[w].said || parts.length < 3 || parts.length > 12 || !parts.every(function (p) { return ONE_CJK.test(p); }) ||
          await held(parts)) { found.push(words[w]); continue; }
      runs = await heldRuns(parts);
      if (!runs) { found.push(words[w]); continue; }
      cut = true;
      runs.forEach(add);
    }
    return cut && found.length ? found : null;
  }
  async function heldRuns(parts) { // the runs of two or more that pages hold, longest first from the start; or null
    var runs = [], first = -1, last = 0;
    for (var i = 0; i < parts.length;) {
      var j = parts.length;
      while (j - i >= 2 && !await held(parts.slice(i, j))) j--;
      if (j - i < 2) {
        if (runs.length) { last = i; break; }
        i++;
        continue;
      }
      if (first < 0) first = i;
      runs.push(parts.slice(i, j));
      i = last = j;
    }
    return runs.length && first <= 1 && parts.length - last <= 1 ? runs : null;
  }
  // the pages holding words typed apart together (低保 标准: the keys of 低保标准), 1 when in the title, 文号 or
  // 索引号 — from the postings, as coarse() ranks, so that such a page ranks first however old it is
  async function together(phrase) {
    if (!phrase) return new Map();
    var all = null, keys = queryKeys(phrase);
    var values = await Promise.all(keys.map(lookup));
    values.forEach(function (v) { all = all ? both(all, pages(v)) : pages(v); });
    return all || new Map();
  }
  // first the pages with content, then those holding the words together (in the title first), every word in their title, 文号 or 索引号, then some
  // word there, documents in force before those that are not (a lapsed 低保标准 notice after the one in force), the
  // directory's own pages; within each, newest first (finer() orders each chunk shown the same way)
  function coarse(found, whole) {
    var empty = new Set(meta.empty), lapsed = new Set(meta.lapsed), ranks = [], order = [], some = found.some || new Set();
    for (var r = 0; r < 72; r++) ranks.push([]);
    found.forEach(function (head, p) {
      var joint = whole && whole.has(p) ? (whole.get(p) ? 0 : 1) : 2;
      // every word in the title, 文号 or 索引号; some word there (安民〔2026〕12号 低保: the document itself before the
      // pages that cite it); none
      ranks[(empty.has(p) ? 36 : 0) + joint * 12 + (head ? 0 : some.has(p) ? 4 : 8) + (lapsed.has(p) ? 2 : 0) +
            (meta.nav[p] !== undefined ? 0 : 1)].push(p);
    });
    ranks.forEach(function (pages) { order = order.concat(pages.sort(function (a, b) { return b - a; })); });
    return order;
  }
  // where the words are: 0 title, 1 文号 or 索引号, 2 text; null when a word is not there contiguously
  function judge(words, page, entry, text, phrase) {
    var where = 0, heads = 0, title = [], body = [], number = [], index = [];
    var whole = phrase ? [entry[1], entry[3], text.i, text.x].some(function (t) { return spans(t, [phrase]).length; }) : false;
    for (var w = 0; w < words.length; w++) {
      var ways = words[w].ways, inTitle = spans(entry[1], ways), inNumber = spans(entry[3], ways), inIndex = indexed(text.i, ways);
      number = number.concat(inNumber);
      index = index.concat(inIndex);
      if (inTitle.length) { title = title.concat(inTitle); heads++; continue; }
      if (inNumber.length || inIndex.length) { where = Math.max(where, 1); heads++; continue; }
      var inBody = spans(text.x, ways);
      if (!inBody.length) return null;
      where = 2; body = body.concat(inBody);
    }
    var cover = title.reduce(function (sum, s) { return sum + s.n; }, 0) / ((title[0] && title[0].of) || 1);
    return { page: page, entry: entry, text: text, where: where, heads: heads, whole: whole ? 1 : 0, cover: cover, empty: entry[5], lapsed: entry[6],
             nav: entry[4] !== "record",
             title: title.sort(starts), body: body.sort(starts), number: number.sort(starts), index: index.sort(starts) };
  }
  // where *ways* stand in an 索引号, which may also be typed without its separators (350524MZ202600007 for
  // 350524-MZ-2026-00007, as doc.py's head indexes it): then the whole 索引号 is marked
  function indexed(number, ways) {
    var found = spans(number, ways);
    if (found.length || !number) return found;
    return spans(units(number).join(""), ways).length ? [{ s: 0, e: number.length, n: 1, of: 1 }] : [];
  }
  function starts(a, b) { return a.s - b.s; }
  // then newest first by the date a result shows: a fresh index numbers pages oldest first, but one patched since (a
  // site of 2,000 pages and more) numbers a page as it came — a 2019 notice added or put back today is no newer
  function finer(a, b) {
    return a.empty - b.empty || b.whole - a.whole || b.heads - a.heads || a.where - b.where || a.lapsed - b.lapsed || b.nav - a.nav ||
           b.cover - a.cover || (b.entry[2] || "").localeCompare(a.entry[2] || "") || b.page - a.page;
  }
  async function more(state) {
    while (state.ready.length < state.shown + PAGE && state.next < state.order.length) {
      var batch = state.order.slice(state.next, state.next + CHUNK);
      state.next += batch.length;
      var entries = await Promise.all(batch.map(function (p) { return load("m/" + Math.floor(p / meta.group) + ".json.gz"); }));
      var texts = await Promise.all(batch.map(function (p) { return load("t/" + Math.floor(p / meta.texts) + ".json.gz"); }));
      var judged = [];
      batch.forEach(function (p, i) {
        var hit = entries[i][String(p)] && texts[i][String(p)] ? judge(state.words, p, entries[i][String(p)], texts[i][String(p)], state.phrase) : null;
        if (hit) judged.push(hit); else state.dropped++;
      });
      state.ready = state.ready.concat(judged.sort(finer));
    }
  }

  // ---- showing results ----
  function marked(text, found, from, to) {
    var out = document.createDocumentFragment(), at = from;
    joint(text, found).forEach(function (s) {
      if (s.s < at || s.s >= to) return; // overlaps the one before, or starts past the window
      var end = Math.min(s.e, to); // a match running past the window is marked up to its end
      out.appendChild(document.createTextNode(text.slice(at, s.s)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s.s, end);
      out.appendChild(mark);
      at = end;
    });
    out.appendChild(document.createTextNode(text.slice(at, to)));
    return out;
  }
  // matches parted only by a mark or two that is no unit (低保、特困人员, a pasted sentence's ，；。) are one match
  function joint(text, found) {
    var out = [];
    found.forEach(function (s) {
      var last = out[out.length - 1];
      if (last && s.s >= last.e && s.s - last.e <= 2 && !normalize(text.slice(last.e, s.s)).match(UNIT)) {
        last.e = Math.max(last.e, s.e);
      } else out.push({ s: s.s, e: s.e });
    });
    return out;
  }
  function cnDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? Number(p[0]) + "年" + Number(p[1]) + "月" + Number(p[2]) + "日" : "";
  }
  // where a snippet may begin or end: never inside a number, a code or a word in letters (…96元 for 1196元, 0595-232…
  // for a telephone number, a 索引号 cut after MZ), nor between the halves of a character outside the BMP (𠀀 shown as
  // �); and, where a clause ends a few characters away, there (…根据《…》 rather than …作的关注。根据《…》)
  var ALNUM = /[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/, INSIDE = /[.,\-:\/．－：／·]/;
  var CLAUSE = /[\s，。、；：！？,;!?]/, SNAP = 12, LONGEST = 24;
  function inRun(text, i) { // true when text[i - 1] and text[i] are of one number, code or word in letters
    var a = text[i - 1] || "", b = text[i] || "";
    if (ALNUM.test(a) && ALNUM.test(b)) return true;
    return INSIDE.test(a) && ALNUM.test(b) && ALNUM.test(text[i - 2] || "") ||
           ALNUM.test(a) && INSIDE.test(b) && ALNUM.test(text[i + 1] || "");
  }
  function runStart(text, i) { while (i > 0 && inRun(text, i)) i--; return i; }
  function runEnd(text, i) { while (i < text.length && inRun(text, i)) i++; return i; }
  function clause(text, i) { return CLAUSE.test(text[i]) && !inRun(text, i) && !inRun(text, i + 1); } // not 1,234
  function lowHalf(text, i) { var c = text.charCodeAt(i); return c >= 0xdc00 && c <= 0xdfff; }
  function begin(text, from, first) {
    if (from <= 0) return 0;
    for (var i = from; i < Math.min(first.s, from + SNAP); i++) {
      if (clause(text, i)) { while (i < first.s && clause(text, i)) i++; return i; }
    }
    if (inRun(text, from)) {
      var back = runStart(text, from), ahead = runEnd(text, from);
      from = from - back <= LONGEST || ahead > first.s ? back : ahead;
    }
    return from > 0 && lowHalf(text, from) ? from - 1 : from;
  }
  function finish(text, to, last) { // *last*: where the last match that the window holds ends
    if (to >= text.length) return text.length;
    for (var i = to - 1; i >= Math.max(last, to - SNAP); i--) if (clause(text, i)) return i + 1;
    if (inRun(text, to)) {
      var ahead = runEnd(text, to), back = runStart(text, to);
      to = ahead - to <= LONGEST || back < last ? ahead : back;
    }
    return lowHalf(text, to) ? to + 1 : to;
  }
  function snippet(hit) {
    var text = hit.text.x || "", p = document.createElement("p");
    p.className = "snippet";
    if (!text) return null;
    // 120 characters from 30 before the first match, more when that match is longer (a pasted paragraph); its ends
    // moved to where a clause, a number or a character ends (begin(), finish())
    var found = joint(text, hit.body), first = found[0], from = first ? begin(text, Math.max(0, first.s - 30), first) : 0;
    var to = Math.min(text.length, Math.max(from + 120, first ? first.e : 0));
    var last = found.reduce(function (end, s) { return s.s < to ? Math.max(end, s.e) : end; }, from);
    to = finish(text, to, last);
    if (from > 0) p.appendChild(document.createTextNode("…"));
    p.appendChild(marked(text, hit.body, from, to));
    if (to < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }
  function item(hit) {
    var li = document.createElement("li"), a = document.createElement("a"), line = document.createElement("p");
    var entry = hit.entry, facts = [];
    function fact(label, value, found) { // a label and its value, the match marked (DOM nodes, never HTML)
      var part = document.createDocumentFragment();
      part.appendChild(document.createTextNode(label));
      part.appendChild(marked(value, found, 0, value.length));
      return part;
    }
    a.href = new URL("../" + entry[0], base).href;
    a.className = "result-title";
    a.appendChild(marked(entry[1], hit.title, 0, entry[1].length));
    li.appendChild(a);
    if (KINDS[entry[4]]) facts.push(document.createTextNode(KINDS[entry[4]]));
    if (entry[2]) facts.push(document.createTextNode("公开日期：" + cnDate(entry[2])));
    if (entry[3]) facts.push(fact("文号：", entry[3], hit.number));
    if (hit.text.i) facts.push(fact("索引号：", hit.text.i, hit.index));
    if (entry[5]) { facts.push(document.createTextNode("暂无公开的信息")); li.className = "empty"; }
    line.className = "meta";
    facts.forEach(function (f, i) {
      if (i) line.appendChild(document.createTextNode(" · "));
      line.appendChild(f);
    });
    li.appendChild(line);
    var s = snippet(hit);
    if (s) li.appendChild(s);
    return li;
  }
  function near(query) { // titles of the directory's pages sharing characters with the query
    var chars = new Set(Array.from(query).filter(function (c) { return ONE_CJK.test(c); })), scored = new Map();
    Object.keys(meta.nav).forEach(function (p) {
      meta.nav[p].split(/\s*\/\s*/).forEach(function (term) {
        var shared = new Set(Array.from(term).filter(function (c) { return chars.has(c); })).size;
        if (shared && term !== query) scored.set(term, Math.max(scored.get(term) || 0, shared));
      });
    });
    return Array.from(scored.keys()).sort(function (a, b) {
      return scored.get(b) - scored.get(a) || a.length - b.length;
    }).slice(0, NEAR);
  }
  function offer(label, terms) { // a line of links, each searching for one term (or [link text, term])
    var box = document.getElementById("search-near"), p = document.createElement("p");
    p.appendChild(document.createTextNode(label));
    terms.forEach(function (t, i) {
      var a = document.createElement("a");
      a.href = "?q=" + encodeURIComponent(Array.isArray(t) ? t[1] : t);
      a.textContent = Array.isArray(t) ? t[0] : t;
      if (i) p.appendChild(document.createTextNode("、"));
      p.appendChild(a);
    });
    box.appendChild(p);
    box.hidden = false;
  }
  function showNear(query) {
    var box = document.getElementById("search-near"), terms = near(query);
    if (terms.length) offer("您可以试试：", terms);
    box.appendChild(document.getElementById("search-apply").content.cloneNode(true));
    box.hidden = false;
  }
  function render(state, focus) {
    var list = document.getElementById("search-results"), button = document.getElementById("search-more");
    var start = state.shown, shown = state.ready.slice(start, start + PAGE);
    shown.forEach(function (hit) { list.appendChild(item(hit)); });
    state.shown += shown.length;
    button.hidden = state.shown >= state.ready.length && state.next >= state.order.length;
    if (focus && shown.length) list.children[start].querySelector("a").focus();
  }
  function named(filters) { return filters.map(function (f) { return f[0] + "“" + f[1] + "”"; }).join("、"); }
  // how many pages the words find without any filter (counted as the status line counts)
  async function unfiltered(words) {
    var state = { order: coarse(await matches(words, [])), ready: [], shown: 0, next: 0, dropped: 0, words: words };
    await more(state);
    return state.ready.length ? state.order.length - state.dropped : 0;
  }
  // the query as the status line repeats it: a pasted page is cut to its first 40 characters, so that a screen reader
  // does not read it all out again and a phone shows the count without scrolling
  function echoed(query) {
    var chars = Array.from(query.trim());
    return chars.length > ECHO ? chars.slice(0, ECHO).join("") + "…" : chars.join("");
  }
  // the words, each of which some page holds alone (as the status line would count it, without filters)
  async function found(words) {
    var counts = await Promise.all(words.map(function (w) { return unfiltered([w]); }));
    return words.filter(function (w, i) { return counts[i] > 0; }).map(function (w) { return w.raw; });
  }
  function listed(words) { // “低保”和“公积金”; “低保”、“特困”和“临时救助”; a long list is cut after its fourth word
    var shown = words.slice(0, 4).map(function (w) { return "“" + echoed(w.raw) + "”"; });
    if (words.length > 4) return shown.join("、") + "等 " + words.length + " 个词";
    return shown.slice(0, -1).join("、") + "和" + shown[shown.length - 1];
  }
  function status(text) { document.getElementById("search-status").textContent = text; }

  async function run(query, filters) {
    var mine = current = { order: [], ready: [], shown: 0, next: 0, dropped: 0, words: [] };
    document.getElementById("search-results").textContent = "";
    document.getElementById("search-near").textContent = "";
    document.getElementById("search-near").hidden = true;
    document.getElementById("search-more").hidden = true;
    if (!query.trim() && !filters.length) { status(""); return; }
    var typed = Array.from(query.trim()), cut = typed.length > LONGEST_QUERY;
    if (cut) query = typed.slice(0, LONGEST_QUERY).join("");
    var asked = await plan(query);
    // a query with nothing to search (低, 〔〕) says so with a filter chosen too: listing every page of the filter under
    // 「“低”共找到 19 条结果」 told the reader those pages hold 低
    if (!asked.words.length && (query.trim() || !filters.length)) {
      status(asked.short.length ? "请至少输入两个字（单个汉字太常见，无法搜索）：" + asked.short.join(" ")
                                : "请输入要搜索的词，如：低保、临时救助。");
      return;
    }
    mine.words = asked.words;
    mine.phrase = asked.phrase;
    mine.order = coarse(await matches(asked.words, filters), await together(asked.phrase));
    await more(mine);
    var full = !mine.ready.length && asked.words.length === 1 ? renamed(asked.words) : null;
    if (full) { // 低保办事指南 is on no page: 最低生活保障办事指南 is
      Object.assign(mine, { words: full, phrase: null, ready: [], next: 0, dropped: 0 });
      mine.order = coarse(await matches(full, filters));
      await more(mine);
      if (!mine.ready.length) full = null;
    }
    var plain = mine.ready.length ? null : unasked(asked.words);
    var apart = mine.ready.length ? null : pieces(plain || asked.words) || plain;
    if (apart) { // 2026年低保, 低保怎么申请 are on no page whole: the pages holding 2026 and 低保, 低保 and 申请
      Object.assign(mine, { words: apart, phrase: null, ready: [], next: 0, dropped: 0 });
      mine.order = coarse(await matches(apart, filters));
      await more(mine);
    }
    var glued = plain && !mine.ready.length ? await heldParts(apart) : null;
    if (glued) { // 低保去哪儿办, 怎么办理低保: 低保去 and 办理低保 are on no page; 低保, 办理 and 低保 are
      apart = glued;
      Object.assign(mine, { words: apart, phrase: null, ready: [], next: 0, dropped: 0 });
      mine.order = coarse(await matches(apart, filters));
      await more(mine);
    }
    if (current !== mine) return;
    var total = mine.order.length - mine.dropped, said = [], others = [];
    if (full) said.push("没有找到“" + echoed(query) + "”，下面是按全称查找“" + echoed(full[0].raw) + "”的结果");
    if (apart && mine.ready.length) {
      said.push("没有找到连续的“" + echoed(query) + "”，下面是" + (apart.length > 1 ? "同时" : "") + "包含" +
                apart.map(function (w) { return "“" + w.raw + "”"; }).join("和") + "的结果");
    }
    if (cut) said.push("搜索词有 " + typed.length + " 个字，只按前 " + LONGEST_QUERY + " 个字查找");
    said = said.concat(asked.heard || []);
    // a character typed alone beside words (低保 表, 县 低保) is too common to search: say that the pages need not hold it
    if (asked.short.length) said.push("单个汉字太常见，未按" + asked.short.map(function (s) { return "“" + s + "”"; }).join("、") + "查找");
    asked.words.forEach(function (w) {
      if (w.said) said.push("“" + w.raw + "”按拼音查找“" + w.said + "”");
      others = others.concat(w.others);
    });
    if (others.length) offer("拼音还可能是：", others);
    var what = query.trim() ? "“" + echoed(query) + "”" : "所选条件";
    if (!mine.ready.length && filters.length && asked.words.length) {
      // the filters, not the words, left nothing: never tell the reader there is no such information
      var inFull = asked.words.length === 1 ? renamed(asked.words) : null; // counted as the search without filters finds
      var without = await unfiltered(asked.words) || (inFull ? await unfiltered(inFull) : 0);
      if (current !== mine) return;
      if (without) {
        status((said.length ? said.join("；") + "。" : "") + "在所选条件（" + named(filters) + "）下没有找到" + what +
               "。不加筛选共有 " + without + " 条结果。");
        offer("", [["不加筛选查看全部 " + without + " 条", query.trim()]]);
        return;
      }
    }
    var alone = !mine.ready.length && asked.words.length > 1 ? await found(asked.words) : [];
    if (current !== mine) return;
    if (alone.length) {
      // some words are published, only never together: say so, never that there is no such information
      status((said.length ? said.join("；") + "。" : "") + "没有找到同时包含" + listed(asked.words) + "的公开信息。");
      offer("可以分开搜索：", alone);
      showNear(query);
      return;
    }
    if (!mine.ready.length) {
      status((said.length ? said.join("；") + "。" : "") + "没有找到与" + what + "相关的公开信息。");
      showNear(query);
      return;
    }
    status((said.length ? said.join("；") + "。" : "") + what + "共找到 " + total + " 条结果" +
           (filters.length ? "（已按" + named(filters) + "筛选）" : "") + "。");
    var names = full ? null : renamed(apart || asked.words);
    // the words a question was cut into, in full, as one search (低保怎么申请: 最低生活保障 申请, the guides, which
    // never say 低保)
    if (names && apart) offer("也可以按全称搜索：", [names.map(function (w) { return w.raw; }).join(" ")]);
    else if (names) offer("也可以按全称搜索：", names.filter(function (w, i) { return w !== asked.words[i]; }).map(function (w) {
      return w.raw;
    }));
    render(mine, false);
  }

  // ---- the form ----
  function fill(select, counts, chosen) {
    var values = Object.keys(counts || {});
    values.sort(select.dataset.filter === "年份" ? function (a, b) { return b.localeCompare(a); }
                                               : function (a, b) { return counts[b] - counts[a] || a.localeCompare(b, "zh"); });
    if (chosen && values.indexOf(chosen) < 0) values.push(chosen);
    values.forEach(function (v) { var o = document.createElement("option"); o.value = o.textContent = v; select.appendChild(o); });
    select.value = chosen || "";
  }
  function fromAddress() {
    var params = new URLSearchParams(location.search), filters = [];
    document.getElementById("q").value = params.get("q") || "";
    document.querySelectorAll("select[data-filter]").forEach(function (s) {
      s.value = params.get(s.dataset.filter) || "";
      if (s.value) filters.push([s.dataset.filter, s.value]);
    });
    return run(params.get("q") || "", filters);
  }
  async function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    document.getElementById("search-unavailable").hidden = true;
    try {
      meta = await load("meta.json.gz");
    } catch (e) {
      // opened from a folder (file://), as a webmaster checks the column before loading it into the portal: the
      // browser reads no file by script there, and the index is fine; say so, not that something is broken
      status(location.protocol === "file:"
        ? "直接打开文件夹中的网页时，浏览器不允许读取搜索索引，所以这里不能搜索；网站放到门户网站的服务器上（或用 gongkai serve 预览）后即可搜索。现在可以从首页按领域浏览目录。"
        : "搜索索引未能加载，请从首页按领域浏览目录。");
      return;
    }
    syllables = new Set(meta.syllables);
    var params = new URLSearchParams(location.search);
    document.querySelectorAll("select[data-filter]").forEach(function (s) {
      fill(s, meta.filters[s.dataset.filter], params.get(s.dataset.filter));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) params.delete(k); });
      history.pushState(null, "", "?" + params.toString());
      fromAddress().catch(failed);
    });
    document.getElementById("search-more").addEventListener("click", function () {
      var state = current;
      more(state).then(function () { if (state === current) render(state, true); }).catch(failed);
    });
    window.addEventListener("popstate", function () { fromAddress().catch(failed); });
    await fromAddress();
  }
  function failed() { status("搜索出错了，请稍后再试，或从首页按领域浏览目录。"); }

  var started = document.readyState === "loading" ? new Promise(function (done) {
    document.addEventListener("DOMContentLoaded", function () { start().catch(failed).then(done); });
  }) : start().catch(failed);
  // for the tests and the benchmark: the same keys as tokens.query_keys, and a search without the page (once the page
  // has loaded the index's table of parts: asked before, a search read a table not yet there)
  window.gongkaiSearch = {
    keys: function (text) { return queryKeys(units(text)); },
    ways: function (text) { return writings(units(text)).map(queryKeys); },
    run: function (query, filters) { return started.then(function () { return run(query, filters || []); }); }
  };
})();
