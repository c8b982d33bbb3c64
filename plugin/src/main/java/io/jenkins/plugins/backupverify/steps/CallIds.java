package io.jenkins.plugins.backupverify.steps;

import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Run;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps the ids of the backup steps' calls unique within a build. An id names the call's URL and side files, so a
 * second call with an id in use, also one still running in a parallel branch, stops with a message instead of
 * overwriting the first call's result.
 */
final class CallIds {
    /** Letters, digits, '-', '_' and '.', starting with a letter or digit: safe in a URL and as a file name. */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /** Ids of calls still running, as {@code <build>#<id>}. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private CallIds() {
    }

    static boolean isValid(String id) {
        return VALID.matcher(id).matches() && !id.contains("..");
    }

    /**
     * Claims the id for a call in this build until the returned claim is closed; by then the call's action holds it.
     *
     * @throws AbortException when the id is not valid, or another call or action of the build uses it
     */
    static Claim claim(Run<?, ?> run, String id, String functionName) throws AbortException {
        if (!isValid(id)) {
            throw new AbortException(functionName + ": the id '" + id + "' is not valid; use letters, digits, '-', "
                    + "'_' and '.', starting with a letter or digit");
        }
        String key = run.getExternalizableId() + "#" + id;
        synchronized (RUNNING) {
            if (RUNNING.contains(key) || isUsed(run, id)) {
                throw new AbortException(functionName + ": this build already has a result with the id '" + id
                        + "'; give each call in a build its own id, e.g. " + functionName + " id: '" + id
                        + "-2', ...");
            }
            RUNNING.add(key);
        }
        return () -> RUNNING.remove(key);
    }

    private static boolean isUsed(Run<?, ?> run, String id) {
        for (Action action : run.getAllActions()) {
            if (id.equals(action.getUrlName())) {
                return true;
            }
        }
        return false;
    }

    /** An id held for a running call. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }
}
