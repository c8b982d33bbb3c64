package io.backupverify.engine.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One restore test's scratch folder. Removed by {@link #remove}; until then a shutdown hook removes it if the
 * process is stopped (Ctrl-C, SIGTERM), so restored data is not left behind.
 */
public final class ScratchFolder {
    private static final Set<ScratchFolder> LIVE = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private final Path path;
    private boolean removed;

    ScratchFolder(Path path) {
        this.path = path;
        register(this);
    }

    public Path path() {
        return path;
    }

    /** Removes the folder and everything in it, without following links; says how much that was. */
    public synchronized TreeRemover.Removed remove() throws IOException {
        TreeRemover.Removed result = TreeRemover.remove(path);
        removed = true;
        unregister(this);
        return result;
    }

    private static synchronized void register(ScratchFolder folder) {
        LIVE.add(folder);
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolder::removeAllLive, "scratch-cleanup"));
            hookInstalled = true;
        }
    }

    private static synchronized void unregister(ScratchFolder folder) {
        LIVE.remove(folder);
    }

    private static void removeAllLive() {
        List<ScratchFolder> live;
        synchronized (ScratchFolder.class) {
            live = List.copyOf(LIVE);
        }
        for (ScratchFolder folder : live) {
            try {
                if (!folder.removed) {
                    folder.remove();
                    System.err.println("removed scratch folder " + folder.path + " (stopped during a restore test)");
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("could not remove scratch folder " + folder.path + ": " + e.getMessage());
            }
        }
    }
}
