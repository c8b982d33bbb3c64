package io.backupverify.engine.restore.database;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What must not outlive the process — scratch databases, servers started for a test, their folders — undone in
 * reverse order by a shutdown hook when the process is stopped (Ctrl-C, SIGTERM) before the normal clean-up ran.
 */
final class ShutdownCleanup {
    /** One thing to undo, with its description for the message when it cannot be undone. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private static final Deque<Entry> PENDING = new ArrayDeque<>();
    private static boolean hookInstalled;

    private record Entry(String description, Action action) {
    }

    private ShutdownCleanup() {
    }

    /** Registers an action; the returned handle unregisters it once the normal clean-up has done it. */
    static synchronized Runnable register(String description, Action action) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::runAll, "restore-test-cleanup"));
            hookInstalled = true;
        }
        Entry entry = new Entry(description, action);
        PENDING.push(entry);
        return () -> {
            synchronized (ShutdownCleanup.class) {
                PENDING.remove(entry);
            }
        };
    }

    static void runAll() {
        List<Entry> entries;
        synchronized (ShutdownCleanup.class) {
            entries = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        for (Entry entry : entries) {
            try {
                entry.action().run();
            } catch (Exception e) {
                System.err.println("backup-verify: could not " + entry.description() + ": " + e.getMessage());
            }
        }
    }
}
