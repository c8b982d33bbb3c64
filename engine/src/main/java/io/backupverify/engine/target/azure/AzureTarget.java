package io.backupverify.engine.target.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.credentials.AzureSas;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.target.EarlierVersions;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.StoreClock;
import io.backupverify.engine.target.StoredChecksum;
import io.backupverify.engine.target.ObjectLocks;
import io.backupverify.engine.target.PublicAccess;
import io.backupverify.engine.target.UnansweredException;
import io.backupverify.engine.target.StoreEncryption;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.TransportSecurity;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A container, or a folder prefix in it, in Azure Blob Storage. Folders are the {@code /}-separated prefixes of
 * blob names; a folder's time is that of the newest blob below it. Requests are retried by the SDK (exponential,
 * {@value #MAX_TRIES} tries, {@value #TRY_TIMEOUT_SECONDS} s each); after that the call fails with the status and
 * Azure's error code, never with the request, the key or the SAS token.
 */
public final class AzureTarget implements Target, TransportSecurity, StoreEncryption, PublicAccess, ObjectLocks,
        EarlierVersions {
    static final int MAX_TRIES = 4;
    static final int TRY_TIMEOUT_SECONDS = 60;
    private static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";

    private final BlobContainerClient container;
    private final String prefix;
    private final String description;
    private final URI endpoint;
    private final List<String> secrets;
    private final Retries retries;
    private final StoreClock storeClock;

    /**
     * The HTTP client, named explicitly: left to itself the Azure SDK looks for one with {@link java.util.ServiceLoader},
     * which finds none under the class loaders of a Jenkins plugin. One for all targets, as the SDK's default is.
     */
    private static final class SharedHttpClient {
        static final HttpClient INSTANCE = new NettyAsyncHttpClientBuilder().build();
    }

    /** How hard each request is tried: the number of tries, the time-out of each, and the backoff between them. */
    record Retries(int maxTries, Duration tryTimeout, Duration retryDelay, Duration maxRetryDelay) {
        static final Retries DEFAULT = new Retries(MAX_TRIES, Duration.ofSeconds(TRY_TIMEOUT_SECONDS),
                Duration.ofMillis(500), Duration.ofSeconds(10));

        RequestRetryOptions options() {
            return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxTries, tryTimeout, retryDelay,
                    maxRetryDelay, null);
        }
    }

    AzureTarget(BlobContainerClient container, String prefix, String description, List<String> secrets,
            Retries retries, StoreClock storeClock) {
        this.container = container;
        this.storeClock = storeClock;
        this.retries = retries;
        this.prefix = prefix;
        this.description = description;
        this.endpoint = URI.create(container.getBlobContainerUrl());
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /**
     * Connects to the container with the credentials {@code credentialsId} named, else with the connection string in
     * AZURE_STORAGE_CONNECTION_STRING; the container must exist.
     */
    public static AzureTarget open(AzureTargetSpec spec, Optional<CredentialValue> credentials) throws IOException {
        return open(spec, credentials, System.getenv(CONNECTION_STRING));
    }

    static AzureTarget open(AzureTargetSpec spec, Optional<CredentialValue> credentials, String connectionString)
            throws IOException {
        return open(spec, credentials, connectionString, Retries.DEFAULT);
    }

    static AzureTarget open(AzureTargetSpec spec, Optional<CredentialValue> credentials, String connectionString,
            Retries retries) throws IOException {
        StoreClock storeClock = new StoreClock();
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(SharedHttpClient.INSTANCE)
                .retryOptions(retries.options()).addPolicy(new HttpPipelineSyncPolicy() {
                    @Override
                    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context,
                            HttpResponse response) {
                        storeClock.seen(Optional.ofNullable(response.getHeaderValue(HttpHeaderName.DATE)));
                        return response;
                    }
                });
        List<String> secrets = new ArrayList<>();
        String account = spec.account();
        if (credentials.isPresent()) {
            String id = spec.credentialsId().trim();
            CredentialValue login = AzureLogin.of(id, account, credentials.get());
            if (login instanceof AzureSharedKey shared) {
                account = account == null || account.isBlank() ? shared.account() : account;
                builder.credential(new StorageSharedKeyCredential(account, shared.key().reveal()));
                secrets.add(shared.key().reveal());
            } else if (login instanceof AzureSas sas) {
                account = account == null || account.isBlank() ? sas.account() : account;
                String token = sas.token().reveal().strip();
                token = token.startsWith("?") ? token.substring(1) : token;
                builder.credential(new AzureSasCredential(token));
                secrets.add(token);
            }
            if ((account == null || account.isBlank()) && spec.endpoint() == null) {
                throw new IOException("the azure target needs its account: set account in the plan");
            }
            builder.endpoint(spec.endpoint() != null ? spec.endpoint().strip()
                    : "https://" + account + ".blob.core.windows.net");
        } else {
            if (connectionString == null || connectionString.isBlank()) {
                throw new IOException("the azure target has no credentialsId and " + CONNECTION_STRING
                        + " is not set, so there is nothing to log in with");
            }
            for (String part : connectionString.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    String key = part.substring(0, equals).strip();
                    String value = part.substring(equals + 1).strip();
                    if (key.equalsIgnoreCase("AccountKey") || key.equalsIgnoreCase("SharedAccessSignature")) {
                        secrets.add(value);
                    } else if (key.equalsIgnoreCase("AccountName") && (account == null || account.isBlank())) {
                        account = value;
                    }
                }
            }
            try {
                builder.connectionString(connectionString);
            } catch (RuntimeException e) {
                throw new IOException(CONNECTION_STRING + " is not a valid Azure Storage connection string");
            }
            if (spec.endpoint() != null) {
                builder.endpoint(spec.endpoint().strip());
            }
        }
        String description = "azure://" + (account == null ? "" : account + "/") + spec.container() + "/"
                + spec.folderPrefix();
        BlobContainerClient container;
        try {
            container = builder.buildClient().getBlobContainerClient(spec.container());
        } catch (RuntimeException e) {
            throw new IOException("cannot set up the Azure client for " + description + ": "
                    + e.getClass().getSimpleName());
        }
        if (container.getBlobContainerUrl().regionMatches(true, 0, "http:", 0, 5)) {
            URI url = URI.create(container.getBlobContainerUrl());
            description += " at http://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                    + " (plain HTTP: not encrypted in transit)";
        }
        AzureTarget target = new AzureTarget(container, spec.folderPrefix(), description, secrets, retries,
                storeClock);
        // Listing one blob proves the container is there and readable; a read-only SAS may not read its properties.
        target.call("open the container", () -> container.listBlobs(new ListBlobsOptions().setMaxResultsPerPage(1)
                .setPrefix(spec.folderPrefix()), null).iterator().hasNext());
        return target;
    }

    @Override
    public Optional<Instant> storeTime() {
        return storeClock.latest();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        String base = folder.isEmpty() ? "" : folder + "/";
        Map<String, Entry> children = new LinkedHashMap<>();
        boolean[] any = {false};
        listBelow(base, blob -> {
            any[0] = true;
            String rest = blob.path().substring(base.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                children.put(blob.path(), blob);
            } else {
                String dir = base + rest.substring(0, slash);
                Entry known = children.get(dir);
                if (known == null || known.modified().isBefore(blob.modified())) {
                    children.put(dir, Entry.directory(dir, blob.modified()));
                }
            }
        });
        if (!any[0] && !folder.isEmpty()) {
            throw new NoSuchFileException(folder, null, "no such folder");
        }
        List<Entry> entries = new ArrayList<>(children.values());
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /** Every entry below a folder from one listing of its blobs; folders come before what they hold. */
    @Override
    public void walk(String folder, Consumer<Entry> visitor) throws IOException {
        String base = folder.isEmpty() ? "" : folder + "/";
        Map<String, Entry> entries = new java.util.TreeMap<>();
        listBelow(base, blob -> {
            entries.put(blob.path(), blob);
            String rest = blob.path().substring(base.length());
            int slash = rest.indexOf('/');
            while (slash >= 0) {
                String dir = base + rest.substring(0, slash);
                Entry known = entries.get(dir);
                if (known == null || known.modified().isBefore(blob.modified())) {
                    entries.put(dir, Entry.directory(dir, blob.modified()));
                }
                slash = rest.indexOf('/', slash + 1);
            }
        });
        entries.values().forEach(visitor);
    }

    private void listBelow(String base, Consumer<Entry> blobs) throws IOException {
        call("list " + (base.isEmpty() ? "the container" : base), () -> {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix + base), null)) {
                if (item.isPrefix() != null && item.isPrefix() || item.getName().endsWith("/")) {
                    continue;
                }
                Instant modified = item.getProperties().getLastModified() == null ? Instant.EPOCH
                        : item.getProperties().getLastModified().toInstant();
                Long size = item.getProperties().getContentLength();
                blobs.accept(Entry.file(item.getName().substring(prefix.length()), size == null ? 0 : size,
                        modified));
            }
            return null;
        });
    }

    @Override
    public InputStream open(String path) throws IOException {
        return open(path, 0);
    }

    @Override
    public InputStream open(String path, long offset) throws IOException {
        BlobClient blob = container.getBlobClient(prefix + path);
        InputStream in = call("read " + path, () -> blob.openInputStream(
                new BlobInputStreamOptions().setRange(new BlobRange(offset))));
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return call("read " + path, super::read);
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                return call("read " + path, () -> super.read(buffer, off, len));
            }
        };
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        Optional<BlobProperties> properties = properties(path);
        if (properties.isPresent()) {
            BlobProperties p = properties.get();
            return Optional.of(Entry.file(path, p.getBlobSize(), p.getLastModified().toInstant()));
        }
        boolean[] folder = {false};
        Instant[] newest = {Instant.EPOCH};
        listBelow(path + "/", blob -> {
            folder[0] = true;
            newest[0] = newest[0].isBefore(blob.modified()) ? blob.modified() : newest[0];
        });
        return folder[0] ? Optional.of(Entry.directory(path, newest[0])) : Optional.empty();
    }

    private Optional<BlobProperties> properties(String path) throws IOException {
        try {
            return Optional.of(call("read the properties of " + path,
                    () -> container.getBlobClient(prefix + path).getProperties()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The Content-MD5 Azure keeps for a blob (set on single-shot uploads, or by the uploader). */
    @Override
    public List<StoredChecksum> storedChecksums(String path) throws IOException {
        Optional<BlobProperties> properties = properties(path);
        byte[] md5 = properties.map(BlobProperties::getContentMd5).orElse(null);
        if (md5 == null || md5.length != ChecksumAlgorithm.MD5.digestBytes()) {
            return List.of();
        }
        return List.of(new StoredChecksum(ChecksumAlgorithm.MD5, md5, "Content-MD5"));
    }

    /**
     * The size of everything the container keeps below the prefix: the blobs, and what versioning, snapshots and soft
     * delete keep of them (see {@link AzureKeptBlobs}); a container has no fixed size, so capacity needs a quota.
     */
    @Override
    public Optional<StorageUsage> usage() throws IOException {
        long[] used = {0};
        long[] kept = {0};
        listKept(blob -> {
            used[0] += blob.entry().size();
            kept[0] += blob.current() ? 0 : 1;
        }, ", so the used space cannot be counted whole");
        return Optional.of(new StorageUsage(used[0], -1, kept[0] == 0 ? "listing"
                : "listing of every blob with its earlier versions, snapshots and soft-deleted blobs (" + kept[0]
                + " kept beside the current blobs, each counted at its full size)"));
    }

    /**
     * The earlier versions, snapshots and soft-deleted blobs below the prefix whose data was written before
     * {@code writtenBefore}; an {@link UnansweredException} when Azure refuses to list them.
     */
    @Override
    public Kept earlierVersions(Instant writtenBefore, int named) throws IOException {
        List<KeptData> found = new ArrayList<>();
        long[] count = {0};
        listKept(blob -> {
            if (!blob.current() && blob.entry().modified().isBefore(writtenBefore)) {
                count[0]++;
                if (found.size() < named) {
                    found.add(blob.kept());
                }
            }
        }, "");
        return new Kept(found, count[0]);
    }

    /**
     * Lists every blob below the prefix with its earlier versions, snapshots and soft-deleted blobs. A listing Azure
     * refuses (400, 403, 409, 501: an account or a SAS that cannot list them) is an {@link UnansweredException}
     * naming the answer, followed by {@code consequence}.
     */
    private void listKept(Consumer<AzureKeptBlobs.Blob> visitor, String consequence) throws IOException {
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix).setDetails(new BlobListDetails()
                .setRetrieveVersions(true).setRetrieveSnapshots(true).setRetrieveDeletedBlobs(true));
        call("list the versions, snapshots and soft-deleted blobs", () -> {
            try {
                for (BlobItem item : container.listBlobs(options, null)) {
                    AzureKeptBlobs.of(item, prefix).ifPresent(visitor);
                }
            } catch (BlobStorageException e) {
                if (AzureKeptBlobs.refusal(e.getStatusCode())) {
                    throw new UnansweredException("cannot list the earlier versions, snapshots and soft-deleted "
                            + "blobs of " + description + ": Azure answered " + e.getStatusCode()
                            + (e.getErrorCode() == null ? "" : " " + e.getErrorCode()) + consequence);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Transport transport() {
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        return new Transport(https ? "https" : "http", https, endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : ""));
    }

    /** Azure Storage encrypts every blob at rest, always; it cannot be turned off. */
    @Override
    public Optional<String> encryptionAtRest(String path) {
        return Optional.of("Azure Storage encryption");
    }

    @Override
    public Optional<String> defaultEncryption() {
        return Optional.of("Azure Storage encryption (always on)");
    }

    /** The container's public access level: {@code blob} or {@code container} lets anyone read without a key. */
    @Override
    public List<String> publicGrants() throws IOException {
        var level = call("the public access level of the container", () -> container.getAccessPolicy()
                .getBlobAccessType());
        return level == null ? List.of() : List.of("the container's public access level is " + level
                + ": anyone can read its blobs without a key");
    }

    /**
     * A container-level immutability policy or legal hold, or version-level immutability. The period of a
     * container-level policy is kept by Azure's management plane, which a storage key or SAS cannot read. A legal
     * hold binds only until whoever may set one clears it.
     */
    @Override
    public Optional<Lock> defaultLock() throws IOException {
        var properties = call("the immutability of the container", container::getProperties);
        if (properties.hasImmutabilityPolicy()) {
            return Optional.of(new Lock("container immutability policy", false));
        }
        if (Boolean.TRUE.equals(properties.isImmutableStorageWithVersioningEnabled())) {
            return Optional.of(new Lock("version-level immutability enabled", false));
        }
        if (properties.hasLegalHold()) {
            return Optional.of(new Lock("legal hold on the container", true));
        }
        return Optional.empty();
    }

    /**
     * The blob's legal hold and its own immutability policy, else the container's legal hold and policy. A policy
     * that is not locked can be shortened or deleted by anyone allowed to set immutability policies, and a legal hold
     * cleared by anyone allowed to set one; only a locked policy binds everyone.
     */
    @Override
    public List<ObjectLock> locksOf(String path) throws IOException {
        BlobProperties properties = call("the immutability of " + path,
                () -> container.getBlobClient(prefix + path).getProperties());
        List<ObjectLock> locks = new ArrayList<>();
        if (Boolean.TRUE.equals(properties.hasLegalHold())) {
            locks.add(ObjectLock.legalHold("legal hold"));
        }
        var policy = properties.getImmutabilityPolicy();
        if (policy != null && policy.getExpiryTime() != null) {
            String mode = policy.getPolicyMode() == null ? "no mode given"
                    : policy.getPolicyMode().toString().toLowerCase(java.util.Locale.ROOT);
            locks.add(new ObjectLock(policy.getExpiryTime().toInstant(), mode, !mode.equals("locked")));
            return locks;
        }
        var container = call("the immutability of the container", this.container::getProperties);
        if (container.hasLegalHold()) {
            locks.add(ObjectLock.legalHold("legal hold on the container"));
        }
        if (container.hasImmutabilityPolicy()) {
            locks.add(ObjectLock.unreadable("the container's immutability policy keeps " + path + " locked, but its "
                    + "retention period and whether it is locked are kept by Azure's management plane and cannot be "
                    + "read with a storage key"));
        }
        return locks;
    }

    @FunctionalInterface
    private interface AzureCall<T> {
        T call() throws IOException;
    }

    /** Runs an SDK call, turning its failures into IOExceptions that name the status, never a secret. */
    private <T> T call(String what, AzureCall<T> action) throws IOException {
        try {
            return action.call();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                throw new NoSuchFileException(what.replaceFirst("^[a-z ]+ (of )?", ""), null,
                        "not found (" + e.getErrorCode() + ")");
            }
            throw new IOException("could not " + what + " on " + description + ": Azure answered " + e.getStatusCode()
                    + (e.getErrorCode() == null ? "" : " " + e.getErrorCode()));
        } catch (IOException e) {
            if (e instanceof NoSuchFileException || e instanceof UnansweredException) {
                throw e;
            }
            throw new IOException("could not " + what + " on " + description + ": " + mask(reason(e)), e);
        } catch (RuntimeException e) {
            throw new IOException("could not " + what + " on " + description + " after " + retries.maxTries() + " tries: "
                    + mask(reason(e)));
        }
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return masked.replaceAll("(?i)(sig|se|sp|sv|ss|srt|st|spr)=[^&\\s]*", "$1=****");
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
