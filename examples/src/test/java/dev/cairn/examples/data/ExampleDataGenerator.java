package dev.cairn.examples.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the synthetic data sets bundled in the example jar: a Hacker News snapshot, daily
 * COVID-19 counts of five US states and hourly temperatures at SFO. The iris data set is real and
 * copied, not generated.
 *
 * <p>The output depends only on the fixed seeds below: {@link Random} is specified to produce the
 * same sequence on every JVM, and {@link StrictMath} gives the same results on every platform.
 * {@code BundledDataTest} regenerates every file and compares it with the bundled one, so the
 * files can be trusted to come from this program.
 *
 * <p>Needs nothing but the JDK; from the repository root:
 * <pre>
 * java examples/src/test/java/dev/cairn/examples/data/ExampleDataGenerator.java examples/src/main/resources
 * </pre>
 */
public final class ExampleDataGenerator {

    /** Bundled resource paths, relative to the resources root. */
    public static final String HACKER_NEWS = "dev/cairn/examples/hackernews/topstories-snapshot.json";
    public static final String COVID = "dev/cairn/examples/covid/us-states.csv";
    public static final String WEATHER = "dev/cairn/examples/weather/sfo_q2_weather_sample.csv";

    private ExampleDataGenerator() {
    }

    /** Writes every generated file under the resources root given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExampleDataGenerator <resources root>");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        write(root.resolve(HACKER_NEWS), hackerNewsSnapshot());
        write(root.resolve(COVID), covidStates());
        write(root.resolve(WEATHER), weatherSamples());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
    }

    // ---------------------------------------------------------------------------------------------
    // Hacker News: 300 stories, ranked the way the front page ranks them.

    private static final Instant CAPTURED_AT = Instant.parse("2024-05-14T16:00:00Z");

    private static final String[] LANGUAGES = {"Rust", "Go", "Python", "Zig", "TypeScript", "Java", "C++", "Haskell",
            "OCaml", "Elixir", "Kotlin", "Swift", "Julia", "Lua", "C", "Nim", "Clojure", "Ruby", "Odin", "Gleam"};
    private static final String[] RELEASES = {"Rust 1.78.0 released", "Go 1.22.3 is released", "Python 3.13 beta 1",
            "Zig 0.12.0 released", "TypeScript 5.5 RC", "Java 22 released", "Kotlin 2.0 released",
            "Ruby 3.3.1 released", "Elixir 1.17 released", "Gleam 1.1 released", "Julia 1.10.3 released",
            "Lua 5.4.7 released", "OCaml 5.2 released", "PostgreSQL 17 beta 1 released", "Linux 6.9 released",
            "FreeBSD 14.1 released", "Emacs 29.3 released", "Git 2.45 released", "SQLite 3.46 released",
            "Debian 12.5 released", "Node.js 22 released", "Deno 1.43 released"};
    private static final String[] TECH = {"SQLite", "PostgreSQL", "Kubernetes", "Nix", "Docker", "WebAssembly", "Redis",
            "DuckDB", "htmx", "React", "eBPF", "Linux", "FreeBSD", "Emacs", "Vim", "Git", "LLVM", "Kafka", "GraphQL",
            "ClickHouse", "the Raspberry Pi", "Bash", "systemd", "Wayland", "Tailscale"};
    private static final String[] CONCEPTS = {"B-trees", "the Raft consensus algorithm", "CRDTs", "garbage collection",
            "TCP congestion control", "Bloom filters", "vector databases", "type inference", "memory allocators",
            "write-ahead logging", "transformer models", "floating point", "Unicode normalization", "DNS", "TLS 1.3",
            "async/await", "lock-free queues", "query planners", "JIT compilers", "public key cryptography",
            "database indexes", "virtual memory", "hash tables", "parser combinators", "SIMD"};
    private static final String[] THINGS = {"database", "text editor", "compiler", "terminal emulator",
            "static site generator", "web browser", "kernel", "search engine", "key-value store", "game engine",
            "regex engine", "HTTP server", "shell", "spreadsheet", "synthesizer", "chess engine", "ray tracer",
            "Git client", "password manager", "note-taking app", "Lisp interpreter", "emulator", "web framework"};
    private static final String[] ADJECTIVES = {"tiny", "fast", "minimal", "self-hosted", "open-source", "local-first",
            "privacy-friendly", "lightweight", "visual", "interactive", "free", "simple", "embeddable"};
    private static final String[] COMPANIES = {"Apple", "Google", "Microsoft", "Amazon", "Meta", "OpenAI", "Mozilla",
            "Cloudflare", "GitHub", "Stripe", "Tesla", "Intel", "AMD", "Nvidia", "IBM", "Valve", "Netflix", "Boeing"};
    private static final String[] PRODUCTS = {"Pocketbase", "Marginalia", "Tinyforge", "Quillnote", "Ledgerly",
            "Datatrail", "Shelfie", "Kiln", "Burrow", "Lumen", "Pebble", "Orbit", "Sprout", "Hearth", "Drift",
            "Cinder", "Nimbus", "Tessera", "Quarry", "Relay", "Harbor", "Beacon", "Atlas", "Fathom", "Crux"};
    private static final String[] SAAS = {"Notion", "Slack", "Heroku", "Firebase", "Figma", "Zapier", "Airtable",
            "Jira", "Dropbox", "Google Analytics", "Datadog", "Vercel"};
    private static final String[] HISTORY = {"the QWERTY keyboard", "Unix", "the spreadsheet", "the GIF",
            "Lisp machines", "the Commodore 64", "Xerox PARC", "the transistor", "email", "the Mars rovers",
            "the floppy disk", "Usenet", "the mouse", "ARPANET", "the Apollo guidance computer", "BASIC"};
    private static final String[] SCIENCE = {"Astronomers detect water vapor on a rocky exoplanet",
            "Scientists map the complete brain of a fruit fly",
            "A new antibiotic class kills drug-resistant bacteria in mice",
            "Physicists measure gravity at the smallest scale yet",
            "The ocean's twilight zone holds more fish than thought",
            "Researchers grow a functioning tooth in the lab",
            "Voyager 1 is sending readable data again",
            "A 3,000-year-old shipwreck found off the coast of Israel",
            "Study finds remote workers are more productive, with caveats",
            "Octopuses seem to dream", "The first image of the Milky Way's central black hole",
            "Bees can count, and they prefer to count from left to right",
            "New battery chemistry charges in under five minutes",
            "How trees talk to each other underground",
            "Mathematicians solve a decades-old problem about sphere packing"};
    private static final String[] ASK = {"How do you manage your personal knowledge base?",
            "What are you working on this month?", "Who is hiring? (May 2024)", "Who wants to be hired? (May 2024)",
            "Is it still worth learning %s in 2024?", "Best resources for learning %s?",
            "How do you keep up with %s?", "What's your backup strategy?", "How do you deal with burnout?",
            "Is anyone using %s in production?", "What book changed the way you program?",
            "Why is hiring so broken?", "How do you document your internal systems?",
            "What is your favorite self-hosted software?", "Has anyone switched from %s to %s?"};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June"};
    private static final String[] DOMAINS = {"github.com", "nytimes.com", "arstechnica.com", "theverge.com",
            "arxiv.org", "en.wikipedia.org", "lwn.net", "bbc.com", "theguardian.com", "quantamagazine.org",
            "nature.com", "wired.com", "reuters.com", "blog.cloudflare.com", "jvns.ca", "danluu.com",
            "simonwillison.net", "rachelbythebay.com", "martinfowler.com", "nautil.us", "economist.com",
            "youtube.com", "substack.com", "medium.com", "sqlite.org", "rust-lang.org", "go.dev", "phys.org"};
    private static final String[] USER_HEADS = {"dan", "jlo", "alex", "kr", "mr", "the", "old", "sw", "data", "byte",
            "null", "rust", "lisp", "unix", "zero", "neo", "quant", "pixel", "mono", "hyper", "tom", "ana", "pg",
            "low", "deep", "grey"};
    private static final String[] USER_TAILS = {"hacker", "coder", "_", "dev", "bits", "smith", "ops", "wiz", "fan",
            "head", "monk", "dude", "grep", "lambda", "kernel", "cat", "fox", "owl", "byte", "io"};

    /** The snapshot as JSON, shaped like the Hacker News API's topstories list and items. */
    public static String hackerNewsSnapshot() {
        Random rnd = new Random(20240514L);
        List<String> users = new ArrayList<>();
        Set<String> seenUsers = new LinkedHashSet<>();
        while (users.size() < 180) {
            String name = pick(rnd, USER_HEADS) + pick(rnd, USER_TAILS) + (rnd.nextInt(4) == 0 ? rnd.nextInt(100) : "");
            if (seenUsers.add(name)) {
                users.add(name);
            }
        }
        Set<String> titles = new LinkedHashSet<>();
        List<GeneratedStory> stories = new ArrayList<>();
        long lastId = 40_355_000L;
        // Generate in posting order (oldest first) so that ids grow with time, as on Hacker News.
        List<Long> ages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Front-page stories are mostly from the last day; a few linger longer.
            double hours = 0.1 + StrictMath.pow(rnd.nextDouble(), 1.6) * 40.0;
            ages.add(Math.round(hours * 3600));
        }
        ages.sort(Comparator.reverseOrder());
        for (long ageSeconds : ages) {
            String title;
            do {
                title = storyTitle(rnd);
            } while (!titles.add(title));
            long time = CAPTURED_AT.getEpochSecond() - ageSeconds;
            lastId = Math.max(lastId + 1, 40_355_000L + (time - CAPTURED_AT.getEpochSecond() + 40 * 3600) / 8
                    + rnd.nextInt(40));
            double quality = StrictMath.exp(rnd.nextGaussian() * 1.1 + 3.6);
            double ageHours = ageSeconds / 3600.0;
            int score = (int) Math.max(2, Math.round(quality * StrictMath.min(1.0, 0.25 + ageHours / 6.0)));
            int comments = (int) Math.round(score * (0.15 + rnd.nextDouble() * (title.startsWith("Ask HN") ? 2.0 : 1.0)));
            String url = title.startsWith("Ask HN") ? null : storyUrl(rnd, title);
            stories.add(new GeneratedStory(lastId, title, pick(rnd, users), score, time, comments, url));
        }
        // Rank like the front page: points decay with age.
        List<GeneratedStory> ranked = new ArrayList<>(stories);
        ranked.sort(Comparator.comparingDouble((GeneratedStory s) -> -rankScore(s)).thenComparingLong(GeneratedStory::id));

        StringBuilder json = new StringBuilder();
        json.append("{\n  \"captured_at\": \"").append(CAPTURED_AT).append("\",\n");
        json.append("  \"source\": \"synthetic snapshot shaped like https://hacker-news.firebaseio.com/v0/\",\n");
        json.append("  \"topstories\": [");
        for (int i = 0; i < ranked.size(); i++) {
            json.append(i % 10 == 0 ? "\n    " : " ").append(ranked.get(i).id()).append(i + 1 < ranked.size() ? "," : "");
        }
        json.append("\n  ],\n  \"items\": [\n");
        for (int i = 0; i < stories.size(); i++) {
            GeneratedStory s = stories.get(i);
            json.append("    {\"id\": ").append(s.id())
                    .append(", \"type\": \"story\"")
                    .append(", \"by\": ").append(jsonString(s.by()))
                    .append(", \"time\": ").append(s.time())
                    .append(", \"title\": ").append(jsonString(s.title()))
                    .append(", \"score\": ").append(s.score())
                    .append(", \"descendants\": ").append(s.descendants());
            if (s.url() != null) {
                json.append(", \"url\": ").append(jsonString(s.url()));
            }
            json.append(i + 1 < stories.size() ? "},\n" : "}\n");
        }
        json.append("  ]\n}\n");
        return json.toString();
    }

    private record GeneratedStory(long id, String title, String by, int score, long time, int descendants, String url) { }

    private static double rankScore(GeneratedStory s) {
        double ageHours = (CAPTURED_AT.getEpochSecond() - s.time()) / 3600.0;
        return (s.score() - 1) / StrictMath.pow(ageHours + 2, 1.8);
    }

    private static String storyTitle(Random rnd) {
        String lang = pick(rnd, LANGUAGES);
        String tech = pick(rnd, TECH);
        String thing = pick(rnd, THINGS);
        String adj = pick(rnd, ADJECTIVES);
        String concept = pick(rnd, CONCEPTS);
        String company = pick(rnd, COMPANIES);
        String product = pick(rnd, PRODUCTS);
        int year = 1968 + rnd.nextInt(54);
        return switch (rnd.nextInt(22)) {
            case 0 -> "Show HN: " + product + " – " + article(adj) + " " + adj + " " + thing + " written in " + lang;
            case 1 -> "Show HN: " + product + " – " + capitalize(adj) + " " + thing + " that runs in the browser";
            case 2 -> "Show HN: " + product + ", an open-source alternative to " + pick(rnd, SAAS);
            case 3 -> "Show HN: I built " + article(adj) + " " + adj + " " + thing + " in " + lang + " over a weekend";
            case 4, 5 -> {
                String q = pick(rnd, ASK);
                yield "Ask HN: " + String.format(Locale.ROOT, q, tech, pick(rnd, TECH));
            }
            case 6 -> pick(rnd, RELEASES);
            case 7 -> "Why " + tech + " " + pick(rnd, new String[]{"is all you need", "is so fast",
                    "is harder than it looks", "won", "is not enough", "matters more than you think"});
            case 8 -> "The " + pick(rnd, new String[]{"forgotten", "strange", "secret", "untold", "surprising"})
                    + " history of " + pick(rnd, HISTORY);
            case 9 -> company + " " + pick(rnd, new String[]{"is shutting down its " + thing, "announces a new " + thing,
                    "open-sources its internal " + thing, "fined €" + (10 + rnd.nextInt(900)) + "M by EU regulators",
                    "lays off " + (3 + rnd.nextInt(20)) + "% of staff", "raises prices for its cloud services",
                    "quietly removes a privacy setting", "rewrites its " + thing + " in " + lang});
            case 10 -> "How we " + pick(rnd, new String[]{"cut our cloud bill by " + (20 + rnd.nextInt(70)) + "%",
                    "scaled to a million users", "migrated off microservices", "made our builds 10x faster",
                    "reduced p99 latency", "handle " + (1 + rnd.nextInt(50)) + "B events a day"}) + " with " + tech;
            case 11 -> "A visual introduction to " + concept;
            case 12 -> "Understanding " + concept + " (" + (2005 + rnd.nextInt(19)) + ")";
            case 13, 14 -> pick(rnd, SCIENCE);
            case 15 -> "Writing a " + thing + " from scratch in " + lang;
            case 16 -> "Launch HN: " + product + " (YC " + pick(rnd, new String[]{"W24", "S24", "S23"}) + ") – "
                    + capitalize(adj) + " " + thing + " for teams";
            case 17 -> concept.substring(0, 1).toUpperCase(Locale.ROOT) + concept.substring(1)
                    + " explained with interactive diagrams";
            case 18 -> "What I learned from " + (2 + rnd.nextInt(19)) + " years of " + tech;
            case 19 -> "The " + pick(rnd, HISTORY).replace("the ", "") + " " + pick(rnd, new String[]{"manual",
                    "design document", "technical report", "reference card", "style guide"}) + " (" + year + ") [pdf]";
            case 20 -> "I replaced " + pick(rnd, SAAS) + " with " + tech + " and a " + thing;
            default -> tech + " in " + pick(rnd, MONTH_NAMES) + " 2024: what's new";
        };
    }

    private static String storyUrl(Random rnd, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return "https://" + pick(rnd, DOMAINS) + "/" + (2020 + rnd.nextInt(5)) + "/" + slug;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // ---------------------------------------------------------------------------------------------
    // COVID-19: cumulative cases and deaths per state and day, in the layout of the New York Times
    // us-states.csv. Each state's new cases follow a summer wave with weekday reporting dips.

    private record StateModel(String name, String fips, long cases, long deaths, double baseline,
                              double waveHeight, int wavePeak, double waveWidth, double fatality) { }

    private static final List<StateModel> STATES = List.of(
            new StateModel("California", "06", 113_006, 4_251, 2_400, 7_000, 55, 18, 0.016),
            new StateModel("Florida", "12", 56_830, 2_460, 600, 10_500, 44, 13, 0.018),
            new StateModel("New York", "36", 371_711, 29_918, 700, 250, 10, 30, 0.030),
            new StateModel("Texas", "48", 64_880, 1_678, 1_100, 8_800, 46, 14, 0.017),
            new StateModel("Washington", "53", 22_157, 1_120, 300, 550, 50, 20, 0.016));

    private static final LocalDate COVID_START = LocalDate.of(2020, 6, 1);
    private static final int COVID_DAYS = 90;

    /** The COVID-19 CSV: date,state,fips,cases,deaths, sorted by date and state. */
    public static String covidStates() {
        Random rnd = new Random(2020_06_01L);
        long[] cases = new long[STATES.size()];
        long[] deaths = new long[STATES.size()];
        for (int s = 0; s < STATES.size(); s++) {
            cases[s] = STATES.get(s).cases();
            deaths[s] = STATES.get(s).deaths();
        }
        StringBuilder csv = new StringBuilder("date,state,fips,cases,deaths\n");
        for (int day = 0; day < COVID_DAYS; day++) {
            LocalDate date = COVID_START.plusDays(day);
            double reporting = reportingFactor(date.getDayOfWeek());
            for (int s = 0; s < STATES.size(); s++) {
                StateModel m = STATES.get(s);
                double noise = StrictMath.exp(rnd.nextGaussian() * 0.12);
                cases[s] += Math.round(expectedNewCases(m, day) * reporting * noise);
                // Deaths follow infections by about three weeks.
                double deathNoise = StrictMath.exp(rnd.nextGaussian() * 0.2);
                deaths[s] += Math.round(expectedNewCases(m, day - 21) * m.fatality() * reporting * deathNoise);
                csv.append(date).append(',').append(m.name()).append(',').append(m.fips()).append(',')
                        .append(cases[s]).append(',').append(deaths[s]).append('\n');
            }
        }
        return csv.toString();
    }

    private static double expectedNewCases(StateModel m, int day) {
        double z = (day - m.wavePeak()) / m.waveWidth();
        return m.baseline() + m.waveHeight() * StrictMath.exp(-0.5 * z * z);
    }

    private static double reportingFactor(DayOfWeek day) {
        return switch (day) {
            case SUNDAY -> 0.72;
            case MONDAY -> 0.85;
            case TUESDAY, WEDNESDAY -> 1.1;
            default -> 1.05;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Weather: hourly METAR observations at SFO for April to June 2022, in the layout of the Iowa
    // Environmental Mesonet ASOS download (station,valid,tmpf; "M" for missing).

    private static final LocalDate WEATHER_START = LocalDate.of(2022, 4, 1);
    private static final LocalDate WEATHER_END = LocalDate.of(2022, 6, 30);
    private static final DateTimeFormatter VALID = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The weather CSV: station,valid,tmpf, one observation per hour. */
    public static String weatherSamples() {
        Random rnd = new Random(94128L);
        StringBuilder csv = new StringBuilder("station,valid,tmpf\n");
        double anomaly = 0;
        int days = (int) (WEATHER_END.toEpochDay() - WEATHER_START.toEpochDay()) + 1;
        for (int day = 0; day < days; day++) {
            LocalDate date = WEATHER_START.plusDays(day);
            // Weather comes in spells: today's anomaly is mostly yesterday's.
            anomaly = 0.7 * anomaly + rnd.nextGaussian() * 2.6;
            // A few offshore-wind heat events, as the Bay Area gets every spring.
            double heat = switch (day) {
                case 40, 41 -> 12;
                case 62 -> 9;
                case 75, 76, 77 -> 10;
                default -> 0;
            };
            double mean = 56.5 + 5.0 * day / days + anomaly + heat;
            double amplitude = 5.5 + rnd.nextDouble() * 2.0 + heat * 0.3;
            for (int hour = 0; hour < 24; hour++) {
                LocalDateTime valid = date.atTime(hour, 56);
                double fahrenheit = mean + amplitude * StrictMath.cos(2 * StrictMath.PI * (hour - 15) / 24.0)
                        + rnd.nextGaussian() * 0.8;
                csv.append("SFO,").append(VALID.format(valid)).append(',');
                if (rnd.nextInt(300) == 0) {
                    csv.append("M");
                } else {
                    // METAR reports tenths of a degree Celsius; the download converts to Fahrenheit.
                    double celsius = Math.round((fahrenheit - 32) * 5 / 9 * 10) / 10.0;
                    csv.append(String.format(Locale.ROOT, "%.2f", celsius * 9 / 5 + 32));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String pick(Random rnd, List<String> options) {
        return options.get(rnd.nextInt(options.size()));
    }
}
