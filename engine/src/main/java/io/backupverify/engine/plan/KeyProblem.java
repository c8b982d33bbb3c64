package io.backupverify.engine.plan;

/**
 * A problem with one key of a plan part, found by the part itself.
 *
 * @param key     the key's path below the part, such as {@code hostKey}
 * @param message what is wrong and how to put it right
 */
public record KeyProblem(String key, String message) {
}
