package io.backupverify.engine.target.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns the SDK's exceptions into I/O errors with short messages: the HTTP status, the store's error code and
 * message, or the network cause. Every message passes through {@link #scrub} so no secret can reach a report, even
 * from a store that echoes request details.
 */
final class S3Errors {
    private final List<String> secrets;

    S3Errors(List<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 4).toList();
    }

    /** Whether trying again may help: network trouble, throttling, the server's own errors. */
    static boolean retryable(Throwable e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException();
        }
        return e instanceof SdkClientException || e instanceof IOException;
    }

    static boolean notFound(SdkException e) {
        return e instanceof SdkServiceException service && service.statusCode() == 404;
    }

    IOException toIo(String what, SdkException e) {
        String message = scrub(what + ": " + describe(e));
        if (notFound(e)) {
            return new FileNotFoundException(message);
        }
        return new IOException(message);
    }

    String describe(Throwable e) {
        if (e instanceof SdkServiceException service) {
            StringBuilder text = new StringBuilder("HTTP ").append(service.statusCode());
            if (service instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null) {
                AwsErrorDetails details = aws.awsErrorDetails();
                if (details.errorCode() != null) {
                    text.append(' ').append(details.errorCode());
                }
                if (details.errorMessage() != null && !details.errorMessage().isBlank()) {
                    text.append(": ").append(firstLine(details.errorMessage()));
                }
            }
            return scrub(text.toString());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
        if (root != e && e.getMessage() != null && e instanceof SdkClientException) {
            message = firstLine(e.getMessage()) + " (" + message + ")";
        }
        return scrub(message);
    }

    String scrub(String text) {
        String safe = text;
        for (String secret : secrets) {
            safe = safe.replace(secret, "****");
        }
        return safe;
    }

    private static String firstLine(String text) {
        int cut = text.indexOf('\n');
        String line = cut < 0 ? text : text.substring(0, cut);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
