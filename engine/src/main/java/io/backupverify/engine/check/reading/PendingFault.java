package io.backupverify.engine.check.reading;

/**
 * Makes the JVM throw, here and now, the error it owes this thread for a fault in an earlier read of a mapped file
 * (a page past the end of a file cut short under the reader: SIGBUS).
 *
 * <p>HotSpot does not throw that error at the faulting copy. Its signal handler skips the copy, marks the thread
 * ({@code set_pending_unsafe_access_error}) and lets it run on with whatever the buffer held. JDK 17 throws the
 * {@code InternalError} only when the thread next returns from the VM's runtime into Java ({@code JRT_ENTRY}, whose
 * {@code ThreadInVMfromJava} checks the mark on its way out), or at a safepoint poll; returns from native methods
 * skip it on purpose ({@code check_special_condition_for_native_trans}); later JDKs deliver it by a handshake,
 * processed at the same returns. Left to chance, that moment came after the digest was taken, or inside the JDK's
 * {@code Cleaner.clean()} while the region was released, which answers any throwable with
 * {@code System.exit(1)}.
 *
 * <p>A two-dimensional array whose outer length the compiler cannot fold to a small constant is allocated by the
 * runtime in every tier: the interpreter's {@code multianewarray} bytecode always calls
 * {@code InterpreterRuntime::multianewarray}, C1 always calls {@code Runtime1::new_multi_array}, and C2 expands it
 * inline only for constant outer lengths of 1 to {@code MultiArrayExpandLimit}, calling
 * {@code OptoRuntime::multianewarray2_C} otherwise. All three are {@code JRT_ENTRY} functions, so the return from
 * this allocation is a point where a pending fault is always thrown.
 */
final class PendingFault {
    /** Where each allocation goes, so that no compiler can drop it as unused. */
    private static Object lastAllocated;

    private PendingFault() {
    }

    /**
     * Throws the InternalError of a fault this thread met in an earlier unsafe access, if there was one.
     *
     * @param unknown any value the compiler cannot know, such as a file's size; only its lowest bit is used
     */
    static void deliver(long unknown) {
        lastAllocated = new byte[(int) (unknown & 1)][0];
    }
}
