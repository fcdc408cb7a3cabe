package io.trtcsim.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes the fuzzer's scenarios: scenario {@code n} of a seed is always the same frames, whichever
 * connection sends it. The categories and what each sends are in {@link Category}.
 */
final class HostileMessages {

    /** The simulator's limit (SimulatorConfig.MAX_MESSAGE_BYTES); every oversized frame is above it. */
    static final int FRAME_LIMIT = 64 * 1024;
    /** Heartbeat markers' ids, far from every id a hostile message carries. */
    static final long MARKER_IDS = 777_000_000_000L;

    private static final Category[] CATEGORIES = Category.values();
    private static final String[] WRONG_VALUES = {
        "\"x\"", "\"\"", "0", "-1", "1.5", "true", "false", "null", "{}", "[]", "{\"a\":1}", "[1,\"a\",null]"};
    private static final String[] HUGE_NUMBERS = {
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "123456789012345678901234567890123456789", "4294967295", "4294967296", "2147483648",
        "-2147483649", "-1", "-0", "0", "1e308", "1e309", "-1e400", "1.7976931348623157E308", "4.9E-324", "1e-400",
        "1E+999999999", "-1E-999999999", "0.000000000000000000000000001", "12345678901234567890.5",
        "9".repeat(900), "9".repeat(1200), "-" + "1".repeat(999)};
    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", "{\"type\":", "{\"type\":\"join\"", "null", "true", "\"text\"", "123", "[]", "{}",
        "{\"type\":\"heartbeat\"}", "{\"id\":5}", "{\"type\":null,\"id\":null}", "{\"type\":\"join\",\"type\":\"leave\",\"id\":1}",
        "{\"type\":\"heartbeat\",\"id\":1}garbage", "{'type':'join'}", "{\"type\":\"\\u0000\",\"id\":1}", "\uFEFF{\"type\":\"leave\"}",
        "{\"type\":\"heartbeat\",\"id\":1,}", "{\"type\":\"heartbeat\" \"id\":1}", "NaN", "Infinity", "-", "\"\\ud800\""};

    /** Every message type with its fields and a valid value of each (used as templates). */
    private final Map<String, Map<String, String>> templates = new LinkedHashMap<>();
    /** Every (message type, field, wrong value) in a fixed order; scenarios walk through it. */
    private final List<Mutation> wrongTypes = new ArrayList<>();
    private final List<Mutation> hugeNumbers = new ArrayList<>();
    private final FuzzAccounts accounts;
    private final long seed;

    HostileMessages(FuzzAccounts accounts, long seed) {
        this.accounts = accounts;
        this.seed = seed;
        String offer = quote(ValidOffer.SDP);
        int user = 0;
        templates.put("join", fields("sdkAppId", Long.toString(accounts.sdkAppId()), "userId", quote(FuzzAccounts.user(user)),
                "userSig", quote(accounts.userSig(user)), "roomId", Long.toString(FuzzAccounts.FIRST_FUZZ_ROOM), "mode", "\"rtc\"",
                "role", "\"anchor\"", "useStringRoomId", "false", "privateMapKey", "\"\"", "reconnect", "false"));
        templates.put("publish", fields("sdp", offer, "audio", "true", "video", "true", "streamType", "\"main\"", "smallStream", "false"));
        templates.put("republish", fields("sdp", offer, "audio", "true", "video", "false"));
        templates.put("unpublish", fields("streamId", quote(FuzzAccounts.user(user) + "_main")));
        templates.put("subscribe", fields("streamId", quote(FuzzAccounts.user(1) + "_main"), "videoStreamType", "\"big\""));
        templates.put("subscribe-answer", fields("streamId", quote(FuzzAccounts.user(1) + "_main"), "sdp", offer));
        templates.put("unsubscribe", fields("streamId", quote(FuzzAccounts.user(1) + "_main")));
        templates.put("switch-role", fields("role", "\"audience\""));
        templates.put("mute", fields("kind", "\"video\"", "muted", "true"));
        templates.put("heartbeat", fields());
        templates.put("leave", fields());
        for (Map.Entry<String, Map<String, String>> type : templates.entrySet()) {
            List<String> names = new ArrayList<>(List.of("type", "id"));
            names.addAll(type.getValue().keySet());
            for (String field : names) {
                for (String wrong : WRONG_VALUES) {
                    if (!sameJsonType(wrong, valueOf(type.getKey(), field))) {
                        wrongTypes.add(new Mutation(type.getKey(), field, wrong));
                    }
                }
                wrongTypes.add(new Mutation(type.getKey(), field, null));
                if (!field.equals("type")) {
                    for (String huge : HUGE_NUMBERS) {
                        hugeNumbers.add(new Mutation(type.getKey(), field, huge));
                    }
                }
            }
        }
    }

    /** How many (type, field, wrong type) cases there are: a run of enough scenarios sends each. */
    int wrongTypeCases() {
        return wrongTypes.size();
    }

    /** Scenario {@code index}: its category and content depend only on the seed and the index. */
    Scenario scenario(long index) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
        Category category = CATEGORIES[(int) Math.floorMod(index, (long) CATEGORIES.length)];
        int user = random.nextInt(accounts.users());
        long room = FuzzAccounts.FIRST_FUZZ_ROOM + random.nextInt(FuzzAccounts.FUZZ_ROOMS);
        return switch (category) {
            case RANDOM_BYTES -> randomBytes(index, random);
            case RANDOM_TEXT -> randomText(index, random);
            case WRONG_TYPES -> mutations(index, category, wrongTypes, index * 20, 20, user, room);
            case HUGE_NUMBERS -> mutations(index, category, hugeNumbers, index * 20 + random.nextInt(7), 20, user, room);
            case DEEP_NESTING -> deepNesting(index, random);
            case OVERSIZED -> oversized(index, random);
            case GARBAGE_SDP -> garbageSdp(index, random, user, room);
            case RACES -> races(index, random, user, room);
            case ABRUPT_DISCONNECT -> abrupt(index, random, user, room);
        };
    }

    private Scenario randomBytes(long index, Random random) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            frames.add(Frame.binary(bytes(random, 1 + random.nextInt(4096))));
        }
        return switch (random.nextInt(3)) {
            case 0 -> {
                // Not UTF-8: the server must close this connection (1007) and only this one.
                byte[] invalid = bytes(random, 2 + random.nextInt(512));
                invalid[0] = (byte) 0xC3;
                invalid[1] = (byte) 0x28;
                frames.add(Frame.textBytes(invalid));
                yield new Scenario(index, Category.RANDOM_BYTES, frames, Scenario.Ending.SERVER_CLOSES, false);
            }
            case 1 -> {
                // A reserved opcode: a protocol error the server closes on (1002).
                frames.add(new Frame(0x3 + random.nextInt(5), bytes(random, random.nextInt(64)), -1));
                yield new Scenario(index, Category.RANDOM_BYTES, frames, Scenario.Ending.SERVER_CLOSES, false);
            }
            default -> {
                frames.add(Frame.binary(bytes(random, 1 + random.nextInt(4096))));
                yield new Scenario(index, Category.RANDOM_BYTES, frames, Scenario.Ending.AWAIT_REPLIES, false);
            }
        };
    }

    private Scenario randomText(long index, Random random) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = switch (random.nextInt(5)) {
                case 0 -> printable(random, random.nextInt(300));
                case 1 -> unicode(random, random.nextInt(200));
                case 2 -> FRAGMENTS[random.nextInt(FRAGMENTS.length)];
                case 3 -> "{\"type\":" + quote(printable(random, random.nextInt(20))) + ",\"id\":" + random.nextInt(1_000_000) + "}";
                default -> garbled(random, "{\"type\":\"heartbeat\",\"id\":" + random.nextInt(1000) + "}");
            };
            frames.add(Frame.text(text));
        }
        return new Scenario(index, Category.RANDOM_TEXT, frames, Scenario.Ending.AWAIT_REPLIES, false);
    }

    /**
     * {@code count} cases from {@code cases}, starting at {@code first}: mutated joins first (on a
     * connection not yet in a room), then a valid join, then the other types' cases.
     */
    private Scenario mutations(long index, Category category, List<Mutation> cases, long first, int count, int user, long room) {
        List<Mutation> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(cases.get((int) Math.floorMod(first + i, (long) cases.size())));
        }
        picked.sort(Comparator.comparing(mutation -> !mutation.type().equals("join")));
        List<Frame> frames = new ArrayList<>();
        boolean joined = false;
        long id = 1;
        for (Mutation mutation : picked) {
            if (!joined && !mutation.type().equals("join")) {
                frames.add(Frame.text(accounts.validJoin(id++, user, room)));
                joined = true;
            }
            frames.add(Frame.text(message(mutation, id++)));
        }
        return new Scenario(index, category, frames, Scenario.Ending.AWAIT_REPLIES, false);
    }

    private Scenario deepNesting(long index, Random random) {
        List<Frame> frames = new ArrayList<>();
        int[] depths = {10, 100, 999, 1000, 1001, 5000, 20_000, 30_000};
        for (int i = 0; i < 5; i++) {
            int depth = depths[random.nextInt(depths.length)];
            String text = switch (random.nextInt(4)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{\"a\":".repeat(Math.min(depth, 10_000)) + "1" + "}".repeat(Math.min(depth, 10_000));
                case 2 -> "{\"type\":\"heartbeat\",\"id\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
                default -> "{\"type\":\"join\",\"id\":" + (i + 1) + ",\"roomId\":" + "{\"r\":".repeat(Math.min(depth, 10_000))
                        + "1" + "}".repeat(Math.min(depth, 10_000)) + ",\"userId\":\"x\"}";
            };
            // Unclosed nesting too: the parser must give up, not recurse forever.
            frames.add(Frame.text(random.nextInt(6) == 0 ? text.substring(0, text.length() / 2) : text));
        }
        return new Scenario(index, Category.DEEP_NESTING, frames, Scenario.Ending.AWAIT_REPLIES, false);
    }

    private Scenario oversized(long index, Random random) {
        int size = FRAME_LIMIT + 1 + random.nextInt(3 * FRAME_LIMIT);
        Frame frame = switch (random.nextInt(4)) {
            case 0 -> Frame.text("{\"type\":\"heartbeat\",\"id\":1,\"padding\":\"" + "x".repeat(size) + "\"}");
            case 1 -> Frame.binary(bytes(random, size));
            case 2 -> Frame.text(printable(random, size));
            default -> Frame.lyingAbout(FRAME_LIMIT + 1L + (random.nextBoolean() ? 0 : (1L << 62) - FRAME_LIMIT - 1),
                    bytes(random, random.nextInt(100)));
        };
        return new Scenario(index, Category.OVERSIZED, List.of(frame), Scenario.Ending.SERVER_CLOSES, false);
    }

    private Scenario garbageSdp(long index, Random random, int user, long room) {
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.text(accounts.validJoin(1, user, room)));
        for (int i = 0; i < 10; i++) {
            String sdp = switch (random.nextInt(6)) {
                case 0 -> quote(printable(random, random.nextInt(2000)));
                case 1 -> quote(mutatedSdp(random));
                case 2 -> quote(ValidOffer.SDP.substring(0, random.nextInt(ValidOffer.SDP.length())));
                case 3 -> quote("v=0\r\n" + "a=x\r\n".repeat(random.nextInt(8_000)));
                case 4 -> WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
                default -> quote(unicode(random, random.nextInt(1000)));
            };
            String type = random.nextInt(4) == 0 ? "republish" : "publish";
            frames.add(Frame.text("{\"type\":\"" + type + "\",\"id\":" + (i + 2) + ",\"sdp\":" + sdp + ",\"audio\":"
                    + random.nextBoolean() + ",\"video\":" + random.nextBoolean() + "}"));
        }
        return new Scenario(index, Category.GARBAGE_SDP, frames, Scenario.Ending.AWAIT_REPLIES, false);
    }

    private Scenario races(long index, Random random, int user, long room) {
        String stream = quote(FuzzAccounts.user(user) + "_main");
        String publish = "\"sdp\":" + quote(ValidOffer.SDP) + ",\"audio\":true,\"video\":true}";
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.text(accounts.validJoin(1, user, room)));
        frames.add(Frame.text("{\"type\":\"publish\",\"id\":2," + publish));
        String[] steps = {"unpublish", "leave", "join", "publish", "subscribe", "mute", "republish"};
        int more = 1 + random.nextInt(6);
        for (int i = 0; i < more; i++) {
            long id = 3 + i;
            String step = steps[random.nextInt(steps.length)];
            frames.add(Frame.text(switch (step) {
                case "unpublish" -> "{\"type\":\"unpublish\",\"id\":" + id + ",\"streamId\":" + stream + "}";
                case "leave" -> "{\"type\":\"leave\",\"id\":" + id + "}";
                case "join" -> accounts.validJoin(id, user, room);
                case "publish" -> "{\"type\":\"publish\",\"id\":" + id + "," + publish;
                case "republish" -> "{\"type\":\"republish\",\"id\":" + id + "," + publish;
                case "mute" -> "{\"type\":\"mute\",\"id\":" + id + ",\"kind\":\"audio\",\"muted\":" + random.nextBoolean() + "}";
                default -> "{\"type\":\"subscribe\",\"id\":" + id + ",\"streamId\":"
                        + quote(FuzzAccounts.user(random.nextInt(accounts.users())) + "_main") + "}";
            }));
        }
        Scenario.Ending ending = switch (random.nextInt(4)) {
            case 0 -> Scenario.Ending.ABRUPT_FIN;
            case 1 -> Scenario.Ending.ABRUPT_RST;
            case 2 -> Scenario.Ending.CLOSE_AT_ONCE;
            default -> Scenario.Ending.AWAIT_REPLIES;
        };
        return new Scenario(index, Category.RACES, frames, ending, false);
    }

    private Scenario abrupt(long index, Random random, int user, long room) {
        List<Frame> frames = new ArrayList<>();
        frames.add(Frame.text(accounts.validJoin(1, user, room)));
        if (random.nextBoolean()) {
            frames.add(Frame.text("{\"type\":\"publish\",\"id\":2,\"sdp\":" + quote(ValidOffer.SDP) + "}"));
        }
        boolean cut = random.nextBoolean();
        if (cut) {
            frames.add(Frame.text("{\"type\":\"heartbeat\",\"id\":3,\"padding\":\"" + "y".repeat(random.nextInt(2000)) + "\"}"));
        }
        return new Scenario(index, Category.ABRUPT_DISCONNECT, frames,
                random.nextBoolean() ? Scenario.Ending.ABRUPT_FIN : Scenario.Ending.ABRUPT_RST, cut);
    }

    private String message(Mutation mutation, long id) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", quote(mutation.type()));
        fields.put("id", Long.toString(id));
        fields.putAll(templates.get(mutation.type()));
        if (mutation.value() == null) {
            fields.remove(mutation.field());
        } else {
            fields.put(mutation.field(), mutation.value());
        }
        StringBuilder text = new StringBuilder("{");
        fields.forEach((name, value) -> text.append(text.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
        return text.append('}').toString();
    }

    private String valueOf(String type, String field) {
        return switch (field) {
            case "type" -> quote(type);
            case "id" -> "1";
            default -> templates.get(type).get(field);
        };
    }

    private static boolean sameJsonType(String a, String b) {
        return kind(a) == kind(b);
    }

    private static char kind(String json) {
        char first = json.charAt(0);
        if (first == '-' || Character.isDigit(first)) {
            return 'n';
        }
        return first == 'f' ? 't' : first;
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String mutatedSdp(Random random) {
        List<String> lines = new ArrayList<>(List.of(ValidOffer.SDP.split("\r\n")));
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> lines.set(at, garbled(random, lines.get(at)));
                case 3 -> lines.set(at, lines.get(at).replaceAll("\\d+", random.nextBoolean() ? "99999999999999999999" : "-1"));
                default -> lines.add(at, "m=video " + random.nextInt(70_000) + " UDP/TLS/RTP/SAVPF " + random.nextInt());
            }
            if (lines.isEmpty()) {
                break;
            }
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String garbled(Random random, String text) {
        char[] chars = text.toCharArray();
        for (int i = 0, n = 1 + random.nextInt(3); i < n && chars.length > 0; i++) {
            chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Any code point but the surrogates (which no UTF-8 text holds). */
    private static String unicode(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int codePoint = random.nextInt(0x110000);
            if (codePoint < 0xD800 || codePoint > 0xDFFF) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** One case: {@code field} of {@code type} given {@code value} (raw JSON), or left out when null. */
    private record Mutation(String type, String field, String value) {
    }
}
