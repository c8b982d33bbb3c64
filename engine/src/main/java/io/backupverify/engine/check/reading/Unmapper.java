package io.backupverify.engine.check.reading;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Releases a mapped file region at once instead of when the garbage collector gets to it, so that mapping one
 * large file after another keeps at most one region per thread mapped. Uses {@code sun.misc.Unsafe.invokeCleaner}
 * (module jdk.unsupported, open to every module); where that is missing, files are not mapped at all.
 */
final class Unmapper {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method cleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            cleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
            cleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = cleaner;
    }

    private Unmapper() {
    }

    static boolean available() {
        return INVOKE_CLEANER != null;
    }

    static void unmap(ByteBuffer mapped) {
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot release a mapped file region", e);
        }
    }
}
