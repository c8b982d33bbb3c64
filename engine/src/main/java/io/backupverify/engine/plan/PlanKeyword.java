package io.backupverify.engine.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a plan word (such as {@code required} or {@code warn}) into one of an enum's constants. */
final class PlanKeyword {
    private PlanKeyword() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String word, String what) {
        String wanted = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (key(constant).equals(wanted)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(PlanKeyword::key)
                .collect(Collectors.joining(" or "));
        throw new IllegalArgumentException("'" + word + "' is not " + what + "; use " + known);
    }

    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
