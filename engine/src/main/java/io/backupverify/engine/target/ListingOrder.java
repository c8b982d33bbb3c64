package io.backupverify.engine.target;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a folder's children in the order a walk gives them: by the UTF-8 bytes of their paths, each subfolder's
 * contents taking the place of {@code name/}. Every path below a subfolder starts with {@code name/} and no
 * sibling's name holds a {@code /}, so walking the steps in this order gives the whole tree in byte order.
 */
final class ListingOrder {
    private ListingOrder() {
    }

    /**
     * @param entry the child
     * @param into  whether this step goes into the child's contents, rather than giving the child itself
     */
    record Step(byte[] key, Entry entry, boolean into) {
    }

    static List<Step> steps(List<Entry> children) {
        List<Step> steps = new ArrayList<>(children.size() + 8);
        for (Entry child : children) {
            byte[] path = child.path().getBytes(StandardCharsets.UTF_8);
            steps.add(new Step(path, child, false));
            if (child.isDirectory()) {
                byte[] contents = Arrays.copyOf(path, path.length + 1);
                contents[path.length] = '/';
                steps.add(new Step(contents, child, true));
            }
        }
        steps.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        return steps;
    }
}
