#!/usr/bin/env python3
"""Writes a large synthetic dated news stream, one JSON article per line, for
benchmarking `dossier cluster` on a long stream: its speed, and how its memory
grows with the length of the stream (bench/scripts/cluster_1m.sh runs it on a
million articles). Real streams of that size with story labels are not at
hand; this one has the shape of a news stream at a fraction of the cost. The
text is invented, so clustering *quality* on it is not a target: the labels
are there to check that the clusterer behaves sensibly, not to tune it.

Usage:
  make_synthetic_stream.py [--articles N] [--seed S] [--per-day R] [--words W]
                           [--start-date YYYY-MM-DD] [--copy-rate P] [-o FILE] > stream.jsonl

Each line, in stream order (dates ascending):
  {"id": "syn/<n>", "source": "<outlet>", "date": "YYYY-MM-DD",
   "title": "...", "text": "...", "story": "f<family>/s<story>"}
<n> is the line number (from 1). "story" is the true story; its "f<family>"
part names the topic family the story was drawn from. Output goes to
standard output, or to FILE with -o (gzip-compressed when FILE ends in .gz).

What is in it:
- Vocabulary: ~50,000 invented, pronounceable lower-case words built from
  syllables (short words for the frequent ranks, longer ones for the rare),
  drawn with a Zipf-like law; ~60 real English function and news words (the,
  of, and, to, in, said, ...) mixed in at about 45% of the running text, so
  sentences read like text and an English stopword filter finds stopwords;
  and a pool of capitalized invented names: people ("Given Surname", later
  mentions sometimes by the surname alone), places and organisations.
- Stories: a story belongs to a topic family (~20 topic words); several
  stories share a family (same topic words, different names and dates, some
  at the same time), so the clusterer must tell them apart by their names
  (3-6 per story), their few own words and their dates. A story has a start
  date, a lifetime (most 1-3 days, a long tail running weeks) and a volume
  (most 1-10 articles, a few several hundred), its articles spread over its
  lifetime, front-loaded, and interleaved with the other stories of the day.
- Outlets: ~200 invented outlets with a Zipf popularity; the articles of a
  story come from different outlets where it can. A few articles (--copy-rate,
  default 3%) are wire copies: another outlet's earlier text of the same story,
  whole or without its last sentence, as near-duplicates are in real streams.
- Articles: 2-6 sentences, ~W words in all (W varies 0.5-2.1x, 60-250 words
  for the default 120); each sentence mixes the story's topic words and names
  with common and function words and ends with a period; the title is a short
  capitalized phrase of topic words and a name.
- Volume: --per-day articles a day on average (fewer at weekends), from
  --start-date on; the stream stops after --articles lines, ~500 days for the
  defaults (1,000,000 articles, ~1 GB of JSON).

Cost: standard library only. Deterministic for a given seed and Python
version (one random.Random(seed) drives everything); the first K lines of a
longer stream are the K-line stream of the same seed, so `head -n` cuts one.
Streams its output: only the active stories and the word pools are held, not
the articles, so memory stays under 100 MB whatever N. Speed: ~2 s of set-up,
then ~30 s per million articles on one core (measured 8.3 s of CPU for 200k);
.gz output (level 1) adds ~10%.
"""

import argparse
import bisect
import datetime
import gzip
import itertools
import random
import sys

# Real English words mixed into the running text, with rough relative
# frequencies (news prose). Most are stopwords; "said", "year", "new" are not.
FUNCTION_WORDS = [
    ("the", 60), ("of", 30), ("and", 27), ("to", 27), ("a", 22), ("in", 20),
    ("said", 12), ("for", 9), ("that", 9), ("on", 8), ("is", 8), ("was", 7),
    ("with", 7), ("he", 6), ("it", 6), ("as", 6), ("at", 5), ("by", 5),
    ("from", 5), ("his", 5), ("has", 5), ("have", 4), ("are", 4), ("be", 4),
    ("an", 4), ("they", 3), ("their", 3), ("were", 3), ("not", 3), ("but", 3),
    ("this", 3), ("which", 3), ("who", 3), ("will", 3), ("after", 3),
    ("had", 3), ("been", 3), ("its", 3), ("would", 2), ("she", 2), ("her", 2),
    ("also", 2), ("more", 2), ("than", 2), ("about", 2), ("over", 2),
    ("into", 2), ("new", 2), ("one", 2), ("two", 2), ("year", 2),
    ("when", 2), ("there", 2), ("we", 1), ("up", 1), ("out", 1), ("last", 1),
    ("first", 1), ("could", 1), ("some", 1), ("other", 1), ("against", 1),
    ("told", 1), ("people", 1),
]
# Title connectors (kept lower case inside a title).
TITLE_CONNECTORS = ["in", "of", "over", "after", "for", "on", "and", "as", "at", "to"]
# Invented words must not be English stopwords (or these short words).
STOPWORDS = set("""
a about above after again against all also am an and any are as at be because
been before being below between both but by can cannot could did do does doing
down during each either else ever few for from further had has have having he
her here hers herself him himself his how however i if in into is it its itself
just may me might more most much must my myself neither no nor not now of off
on once only or other ought our ours ourselves out over own same shall she
should so some such than that the their theirs them themselves then there these
they this those though through thus to too under until up upon us very was we
were what when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves said one two new year
last first told people ago via per let get got
""".split())

ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
          "t", "v", "w", "z", "b", "d", "k", "l", "m", "n", "r", "s", "t", "v",
          "br", "cr", "dr", "fr", "gr", "pr", "tr", "st", "sk", "sl", "sp",
          "ch", "sh", "th", "pl", "bl", "gl", "kl", "qu"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "ai", "ea",
          "ou", "io", "ei"]
CODAS = ["", "", "", "", "n", "r", "l", "t", "m", "s", "nd", "st", "rk", "ng",
         "x", "lt", "rn"]
LAST_CODAS = [c for c in CODAS if c != "s"]  # no plural-looking words
MID_CODAS = ["n", "r", "l", "m", "s", "t"]     # inside a word: simple ones
OUTLET_SUFFIXES = ["Times", "Post", "Herald", "Daily", "News", "Tribune",
                   "Gazette", "Wire", "Journal", "Observer", "Chronicle",
                   "Monitor", "Dispatch", "Report", "Review", "Today",
                   "Courier", "Standard", "Record", "Sentinel", "Express",
                   "Press", "Star", "Voice", "Ledger", "Bulletin"]
ORG_SUFFIXES = ["Group", "Council", "Bank", "Party", "Union", "Institute",
                "Agency", "Ministry", "Holdings", "University", "Foundation",
                "Federation", "Court", "Authority", "Systems", "Partners"]

N_COMMON = 50000      # invented common words
N_NAME_PARTS = 30000  # invented name words (capitalized)
N_NAMES = 40000       # name pool: people, places, organisations
N_OUTLETS = 200
POOL_SIZE = 1 << 21   # precomputed running text, sliced into sentences
TOPIC_WORDS = 20      # per family
FAMILY_MEMORY = 3000  # recent families a new story may reuse
NEW_FAMILY_P = 0.4    # else the story reuses a recent family
MAX_VOLUME = 500
MAX_LIFETIME = 60


def make_words(rng, count, taken, min_syllables, max_syllables_at):
    """`count` distinct invented words; the i-th gets more syllables as i grows
    (max_syllables_at: list of (rank, syllables)). Words in `taken` are avoided
    and the new ones added to it."""
    out = []
    rand = rng.random
    n_on, n_vo, n_mc, n_lc = len(ONSETS), len(VOWELS), len(MID_CODAS), len(LAST_CODAS)
    while len(out) < count:
        rank = len(out)
        syl = min_syllables
        for at, s in max_syllables_at:
            if rank >= at and rand() < 0.7:
                syl = max(syl, s)
        parts = []
        for k in range(syl):
            if k > 0 or rand() < 0.85:
                parts.append(ONSETS[int(rand() * n_on)])
            parts.append(VOWELS[int(rand() * n_vo)])
            if k + 1 < syl:
                if rand() < 0.25:
                    parts.append(MID_CODAS[int(rand() * n_mc)])
            else:
                parts.append(LAST_CODAS[int(rand() * n_lc)])
        w = "".join(parts)
        if len(w) < 3 or w in taken or w in STOPWORDS:
            continue
        taken.add(w)
        out.append(w)
    return out


def cum_zipf(n, exponent, offset=0.0):
    """Cumulative Zipf-like weights for ranks 0..n-1."""
    return list(itertools.accumulate(1.0 / (r + 1.0 + offset) ** exponent for r in range(n)))


class Family:
    __slots__ = ("key", "topic", "topic_title")

    def __init__(self, key, topic):
        self.key = key
        self.topic = topic
        self.topic_title = [w.capitalize() for w in topic]


class Story:
    __slots__ = ("label", "family", "words", "names", "title_names", "outlets",
                 "last_sentences", "last_title")

    def __init__(self, label, family, words, names, title_names):
        self.label = label
        self.family = family
        self.words = words            # family topic words + a few of its own
        self.names = names            # mentions: full names, some surnames
        self.title_names = title_names
        self.outlets = set()
        self.last_sentences = None    # for wire copies
        self.last_title = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000000, help="lines to write (default 1000000)")
    ap.add_argument("--seed", type=int, default=20261206, help="random seed (default 20261206)")
    ap.add_argument("--per-day", type=float, default=2000, help="mean articles a day (default 2000)")
    ap.add_argument("--words", type=int, default=120, help="typical words of text an article (default 120)")
    ap.add_argument("--start-date", default="2024-01-01", help="date of the first day (default 2024-01-01)")
    ap.add_argument("--copy-rate", type=float, default=0.03,
                    help="share of articles that copy an earlier text of their story (default 0.03)")
    ap.add_argument("-o", "--output", help="write here instead of stdout; gzip if it ends in .gz")
    args = ap.parse_args()
    if args.articles < 0 or args.per_day <= 0 or args.words < 10:
        ap.error("need --articles >= 0, --per-day > 0 and --words >= 10")

    rng = random.Random(args.seed)
    rand = rng.random

    # ---- vocabulary ----
    taken = set(w for w, _ in FUNCTION_WORDS)
    common = make_words(rng, N_COMMON, taken, 1, [(150, 2), (4000, 3), (20000, 3)])
    name_parts = make_words(rng, N_NAME_PARTS, taken, 2, [(10000, 3)])
    name_parts = [w.capitalize() for w in name_parts]
    given = name_parts[:3000]
    surnames = name_parts[3000:15000]
    places = name_parts[15000:]
    # Name pool: (full, short) pairs; ~50% people, 30% places, 20% organisations.
    names = []
    for _ in range(N_NAMES):
        u = rand()
        if u < 0.5:
            sur = surnames[int(rand() * len(surnames))]
            names.append((given[int(rand() * len(given))] + " " + sur, sur))
        elif u < 0.8:
            p = places[int(rand() * len(places))]
            names.append((p, p))
        else:
            p = places[int(rand() * len(places))]
            org = p + " " + ORG_SUFFIXES[int(rand() * len(ORG_SUFFIXES))]
            names.append((org, org))
    outlets = []
    seen_outlets = set()
    while len(outlets) < N_OUTLETS:
        p = places[int(rand() * len(places))]
        o = ("The " if rand() < 0.3 else "") + p + " " + OUTLET_SUFFIXES[int(rand() * len(OUTLET_SUFFIXES))]
        if o not in seen_outlets:
            seen_outlets.add(o)
            outlets.append(o)
    outlet_cum = cum_zipf(N_OUTLETS, 0.9)
    outlet_total = outlet_cum[-1]

    # ---- running text pool: function words ~45%, common words Zipf ----
    fw_words = [w for w, _ in FUNCTION_WORDS]
    fw_cum = list(itertools.accumulate(f for _, f in FUNCTION_WORDS))
    common_cum = cum_zipf(N_COMMON, 1.0, offset=2.7)
    fw_draw = rng.choices(fw_words, cum_weights=fw_cum, k=POOL_SIZE)
    cw_draw = rng.choices(common, cum_weights=common_cum, k=POOL_SIZE)
    pool = [f if rand() < 0.45 else c for f, c in zip(fw_draw, cw_draw)]
    del fw_draw, cw_draw
    for i in range(1, POOL_SIZE):  # no "the the"
        if pool[i] == pool[i - 1]:
            pool[i] = common[int(rand() * N_COMMON)]
    pool_max = POOL_SIZE - 400
    cap = {w: w.capitalize() for w in itertools.chain(fw_words, common)}
    n_conn = len(TITLE_CONNECTORS)

    # ---- output ----
    if args.output is None:
        out = sys.stdout
    elif args.output.endswith(".gz"):
        out = gzip.open(args.output, "wt", encoding="ascii", compresslevel=1)
    else:
        out = open(args.output, "w", encoding="ascii", buffering=1 << 20)
    write = out.write

    families = []       # recent families (a bounded window)
    schedule = {}       # day index -> [(story, articles that day)]
    n_family = n_story = n_labels = 0  # families, stories begun, stories written
    written = 0
    day = 0
    start = datetime.date.fromisoformat(args.start_date)
    words_mean = args.words
    words_lo, words_hi = max(8, words_mean // 2), int(words_mean * 2.08)
    copy_rate = args.copy_rate
    rng_gauss = rng.gauss
    rng_shuffle = rng.shuffle
    bisect_right = bisect.bisect_right

    def new_story():
        nonlocal n_family, n_story
        if not families or rand() < NEW_FAMILY_P:
            # topic words log-uniform over ranks 200..50000: medium to rare
            topic = []
            while len(topic) < TOPIC_WORDS:
                w = common[min(N_COMMON - 1, int(200 * 250.0 ** rand()))]
                if w not in topic:
                    topic.append(w)
            n_family += 1
            fam = Family(n_family, topic)
            families.append(fam)
            if len(families) > 2 * FAMILY_MEMORY:
                del families[:FAMILY_MEMORY]
        else:
            recent = families[-FAMILY_MEMORY:]
            fam = recent[int(rand() * len(recent))]
        n_story += 1
        own = [common[min(N_COMMON - 1, int(300 * 160.0 ** rand()))] for _ in range(2 + int(rand() * 3))]
        mentions, title_names = [], []
        picked = []
        for _ in range(3 + int(rand() * 4)):
            full, short = names[int(N_NAMES * rand() ** 2.5)]  # some names recur a lot
            if full in picked:
                continue
            picked.append(full)
            title_names.append(short)
            mentions.append(full)
            mentions.append(full if short == full or rand() < 0.5 else short)
        story = Story("f%d/s%d" % (fam.key, n_story), fam, fam.topic + own, mentions, title_names)
        # volume: Pareto(1), most 1-10, a few hundred; lifetime: Pareto(1.4), most 1-3 days
        volume = min(MAX_VOLUME, int(rng.paretovariate(1.0)))
        life = min(MAX_LIFETIME, volume, int(rng.paretovariate(1.4)))
        counts = [0] * life
        counts[0] = 1
        for _ in range(volume - 1):
            counts[int(life * rand() ** 2)] += 1
        for off in range(1, life):
            if counts[off]:
                schedule.setdefault(day + off, []).append((story, counts[off]))
        return story, counts[0]

    def article(story):
        nonlocal n_labels
        fam = story.family
        if not story.outlets:
            n_labels += 1
        # outlet: Zipf, a new one for the story if three tries find one
        for _ in range(3):
            outlet = bisect_right(outlet_cum, rand() * outlet_total)
            if outlet not in story.outlets:
                break
        story.outlets.add(outlet)
        if story.last_sentences is not None and rand() < copy_rate:
            sents = story.last_sentences
            if len(sents) > 3 and rand() < 0.5:
                sents = sents[:-1]
            return outlet, story.last_title, ". ".join(sents) + "."
        words = story.words
        nw = len(words)
        ment = story.names
        nm = len(ment)
        total = int(words_mean * 2.718281828 ** rng_gauss(0.0, 0.35))
        total = words_lo if total < words_lo else words_hi if total > words_hi else total
        nsent = int(total / 26.0 + rand() * 1.5 - 0.25)
        nsent = 2 if nsent < 2 else 6 if nsent > 6 else nsent
        jit = [0.7 + 0.6 * rand() for _ in range(nsent)]
        scale = total / sum(jit)
        sents = []
        for i in range(nsent):
            n = int(jit[i] * scale + 0.5)
            if n < 6:
                n = 6
            h = n >> 1
            a = int(rand() * pool_max)
            b = int(rand() * pool_max)
            s = pool[a:a + h] + pool[b:b + n - h]
            for _ in range(1 + int(n * (0.06 + 0.12 * rand()))):
                s[int(rand() * n)] = words[int(nw * rand() ** 1.6)]
            if i == 0 or rand() < 0.6:
                s[int(rand() * n)] = ment[int(rand() * nm)]
                if rand() < 0.3:
                    s[int(rand() * n)] = ment[int(rand() * nm)]
            s[0] = cap.get(s[0], s[0])
            if n > 12 and rand() < 0.5:
                j = 1 + int(rand() * (n - 3))
                s[j] += ","
            sents.append(" ".join(s))
        # title: a name, 2-4 topic words, maybe a connector
        tt = fam.topic_title
        parts = []
        for _ in range(2 + int(rand() * 3)):
            w = tt[int(len(tt) * rand() ** 1.6)]
            if w not in parts:
                parts.append(w)
        parts.insert(int(rand() * (len(parts) + 1)), story.title_names[int(rand() * len(story.title_names))])
        if rand() < 0.6:
            parts.insert(1 + int(rand() * (len(parts) - 1)), TITLE_CONNECTORS[int(rand() * n_conn)])
        title = " ".join(parts)
        story.last_sentences = sents
        story.last_title = title
        return outlet, title, ". ".join(sents) + "."

    try:
        while written < args.articles:
            date = (start + datetime.timedelta(days=day)).isoformat()
            weekday = (start.weekday() + day) % 7
            target = args.per_day * (0.7 if weekday >= 5 else 1.12) * (0.9 + 0.2 * rand())
            today = schedule.pop(day, [])
            slots = sum(c for _, c in today)
            while slots < target:
                st, c = new_story()
                today.append((st, c))
                slots += c
            order = []
            for st, c in today:
                order.extend([st] * c)
            rng_shuffle(order)
            if len(order) > args.articles - written:
                del order[args.articles - written:]
            lines = []
            for st in order:
                written += 1
                outlet, title, text = article(st)
                lines.append('{"id": "syn/%d", "source": "%s", "date": "%s", "title": "%s", '
                             '"text": "%s", "story": "%s"}\n'
                             % (written, outlets[outlet], date, title, text, st.label))
            write("".join(lines))
            day += 1
        out.flush()
        if out is not sys.stdout:
            out.close()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(0)
    print("make_synthetic_stream: %d articles, %d stories (%d more cut off by the end), "
          "%d topic families, %d days" % (written, n_labels, n_story - n_labels, n_family, day),
          file=sys.stderr)


if __name__ == "__main__":
    main()
