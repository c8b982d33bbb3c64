package io.backupverify.engine.target.s3;

import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.EarlierVersions;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ObjectLocks;
import io.backupverify.engine.target.PublicAccess;
import io.backupverify.engine.target.StoreEncryption;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.StoreClock;
import io.backupverify.engine.target.StoredChecksum;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.TransportSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket, or a prefix inside one, on S3 or an S3-compatible store. Keys are paths: {@code /} separates folders,
 * which exist as long as an object lies below them; a folder's time is the time of its newest object. Folder marker
 * objects (empty keys ending in {@code /}) are not entries. Objects are read as resuming streams
 * ({@link S3ObjectStream}); large ones in ranged parts fetched concurrently ({@link PartedObjectStream}).
 */
public final class S3Target implements Target, TransportSecurity, StoreEncryption, PublicAccess, ObjectLocks,
        EarlierVersions {
    /** The SDK's client, built when first needed. */
    private final LazyClient client;
    /** The HTTP client under {@link #client}, which this target closes; the direct reads use it too. */
    private final SdkHttpClient http;
    /** Object reads without the SDK's per-request pipeline, or null where they cannot be used. */
    private final DirectGets direct;
    private final String bucket;
    private final String root;
    private final String description;
    private final S3Errors errors;
    private final RetryPolicy retries;
    private final PartedObjectStream.Parts parts;
    private final S3Posture posture;
    private final StoreClock storeClock;

    S3Target(LazyClient client, SdkHttpClient http, DirectGets direct, String bucket, String root, String description,
            S3Errors errors, RetryPolicy retries, PartedObjectStream.Parts parts, URI endpoint, StoreClock storeClock) {
        this.client = client;
        this.http = http;
        this.direct = direct;
        this.bucket = bucket;
        this.root = root;
        this.description = description;
        this.errors = errors;
        this.retries = retries;
        this.parts = parts;
        this.posture = new S3Posture(client, bucket, endpoint, this::key, errors);
        this.storeClock = storeClock;
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
        String prefix = folderKey(folder);
        Map<String, Instant> folders = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        boolean any = listFlat(prefix, object -> {
            String rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                entries.add(Entry.file(path(object.key()), object.size(), object.lastModified()));
            } else if (slash > 0) {
                folders.merge(path(prefix + rest.substring(0, slash)), object.lastModified(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        if (!any && !folder.isEmpty()) {
            throw new NoSuchFileException(name(folder), null, "no such folder");
        }
        folders.forEach((path, modified) -> entries.add(Entry.directory(path, modified)));
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /**
     * Every object below a folder, with a folder entry before the first object inside each folder (whose time is
     * that object's: a walk does not look ahead).
     */
    @Override
    public void walk(String folder, Consumer<Entry> visitor) throws IOException {
        String prefix = folderKey(folder);
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean any = listFlat(prefix, object -> {
            String rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            while (slash > 0) {
                String dir = path(prefix + rest.substring(0, slash));
                if (seen.add(dir)) {
                    visitor.accept(Entry.directory(dir, object.lastModified()));
                }
                slash = rest.indexOf('/', slash + 1);
            }
            if (!rest.endsWith("/")) {
                visitor.accept(Entry.file(path(object.key()), object.size(), object.lastModified()));
            }
        });
        if (!any && !folder.isEmpty()) {
            throw new NoSuchFileException(name(folder), null, "no such folder");
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return open(path, 0);
    }

    @Override
    public InputStream open(String path, long offset) throws IOException {
        String key = key(path);
        if (parts != null) {
            Optional<PartedObjectStream> parted = parts.open(this, key, name(path), offset);
            if (parted.isPresent()) {
                return parted.get();
            }
        }
        return stream(key, name(path), offset, -1, null).connect();
    }

    /** A resuming stream of bytes {@code [start, end)} of an object ({@code end} -1: to its end). */
    S3ObjectStream stream(String key, String name, long start, long end, String etag) {
        return new S3ObjectStream(client, direct, bucket, key, name, start, end, etag, retries, errors);
    }

    /** The object's size and ETag, or empty when there is no such object. */
    Optional<HeadObjectResponse> head(String key, boolean checksums) throws IOException {
        if (!checksums && direct != null) {
            Optional<HeadObjectResponse> head = direct.head(key);
            if (head.isPresent()) {
                return head;
            }
        }
        try {
            return Optional.of(client.get().headObject(request -> {
                request.bucket(bucket).key(key);
                if (checksums) {
                    request.checksumMode(ChecksumMode.ENABLED);
                }
            }));
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return Optional.empty();
            }
            throw errors.toIo("cannot look at " + name(key.substring(root.length())), e);
        }
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        Optional<HeadObjectResponse> head = path.isEmpty() ? Optional.empty() : head(key(path), false);
        if (head.isPresent()) {
            return Optional.of(Entry.file(path, head.get().contentLength(), head.get().lastModified()));
        }
        String prefix = folderKey(path);
        Instant[] newest = new Instant[1];
        listFlat(prefix, object -> {
            if (newest[0] == null || object.lastModified().isAfter(newest[0])) {
                newest[0] = object.lastModified();
            }
        });
        return newest[0] == null ? Optional.empty() : Optional.of(Entry.directory(path, newest[0]));
    }

    /**
     * The bytes below the prefix, counted from a listing: an object store has no size of its own. A bucket that keeps
     * earlier versions stores (and counts against a quota, and bills) every version, so then every version counts.
     */
    @Override
    public Optional<StorageUsage> usage() throws IOException {
        if (posture.keepsVersions()) {
            long[] used = new long[1];
            forEachVersion(version -> used[0] += version.size() == null ? 0 : version.size());
            return Optional.of(new StorageUsage(used[0], -1, "listing of every version (the bucket keeps earlier "
                    + "versions)"));
        }
        long[] used = new long[1];
        listFlat(root, object -> used[0] += object.size());
        return Optional.of(new StorageUsage(used[0], -1, "listing"));
    }

    /**
     * The full-object checksums S3 keeps (x-amz-checksum-sha256 and its kin, asked for with checksum mode), and the
     * ETag where it is the object's MD5: a single-part upload without KMS or customer-key encryption.
     */
    @Override
    public List<StoredChecksum> storedChecksums(String path) throws IOException {
        HeadObjectResponse head = head(key(path), true)
                .orElseThrow(() -> new NoSuchFileException(name(path), null, "no such object"));
        List<StoredChecksum> stored = new ArrayList<>();
        boolean fullObject = head.checksumType() == null || head.checksumType() == ChecksumType.FULL_OBJECT;
        if (fullObject) {
            add(stored, ChecksumAlgorithm.SHA256, head.checksumSHA256(), "x-amz-checksum-sha256");
            add(stored, ChecksumAlgorithm.SHA1, head.checksumSHA1(), "x-amz-checksum-sha1");
        }
        String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
        boolean plainEncryption = head.sseCustomerAlgorithm() == null && (head.serverSideEncryption() == null
                || "AES256".equals(head.serverSideEncryptionAsString()));
        if (plainEncryption && etag.matches("[0-9a-fA-F]{32}")) {
            stored.add(new StoredChecksum(ChecksumAlgorithm.MD5, HexFormat.of().parseHex(etag),
                    "ETag (single-part upload)"));
        }
        return stored;
    }

    private static void add(List<StoredChecksum> stored, ChecksumAlgorithm algorithm, String base64, String source) {
        if (base64 == null || base64.contains("-")) {
            return;
        }
        try {
            byte[] digest = Base64.getDecoder().decode(base64);
            if (digest.length == algorithm.digestBytes()) {
                stored.add(new StoredChecksum(algorithm, digest, source));
            }
        } catch (IllegalArgumentException e) {
            // not a digest this store can vouch for
        }
    }

    /**
     * Visits every object whose key starts with the prefix; false when there is none. Each page is asked without the
     * SDK's pipeline where that gives the listing ({@link DirectGets#list}), else through the SDK, as its paginator
     * asks: from the last page's continuation token while one is given. A page that says more objects follow but
     * gives no token to ask for them, or gives back the token it was asked with, is an error: the listing would end
     * early (or never), and a check would judge a backup by part of its files.
     */
    private boolean listFlat(String prefix, Consumer<S3Object> visitor) throws IOException {
        boolean any = false;
        String token = null;
        try {
            do {
                String from = token;
                Optional<ListingXml.Page> page = direct == null ? Optional.empty() : direct.list(prefix, from);
                List<S3Object> objects;
                boolean truncated;
                if (page.isPresent()) {
                    objects = page.get().objects();
                    token = page.get().nextToken();
                    truncated = page.get().truncated();
                } else {
                    ListObjectsV2Response answer = client.get().listObjectsV2(ListObjectsV2Request.builder()
                            .bucket(bucket).prefix(prefix).continuationToken(from).build());
                    objects = answer.contents();
                    token = answer.nextContinuationToken() == null || answer.nextContinuationToken().isEmpty()
                            ? null : answer.nextContinuationToken();
                    truncated = Boolean.TRUE.equals(answer.isTruncated());
                }
                checkContinued(prefix, truncated, from, token, "continuation token");
                for (S3Object object : objects) {
                    if (object.key().length() > prefix.length() || !prefix.isEmpty() && object.key().equals(prefix)) {
                        any = true;
                        if (!object.key().equals(prefix)) {
                            visitor.accept(object);
                        }
                    }
                }
            } while (token != null);
        } catch (SdkException e) {
            throw errors.toIo("cannot list " + name(prefix.substring(root.length())), e);
        }
        return any;
    }

    /**
     * Throws when a listing page cannot be continued as it says: marked truncated without the {@code what} to ask for
     * the next page, or with the very one it was asked with (which would list the same page forever).
     */
    private void checkContinued(String prefix, boolean truncated, String sent, String next, String what)
            throws IOException {
        if (truncated && next == null) {
            throw new IOException("cannot list " + name(prefix.substring(root.length())) + ": the store marked a "
                    + "listing page truncated but gave no " + what + " to ask for the rest, so the listing would "
                    + "be incomplete");
        }
        if (next != null && next.equals(sent)) {
            throw new IOException("cannot list " + name(prefix.substring(root.length())) + ": the store gave back the "
                    + what + " it was asked with, so the listing would never end");
        }
    }

    @Override
    public Transport transport() {
        return posture.transport();
    }

    @Override
    public Optional<String> encryptionAtRest(String path) throws IOException {
        return posture.objectEncryption(path);
    }

    @Override
    public Optional<String> defaultEncryption() throws IOException {
        return posture.defaultEncryption();
    }

    @Override
    public List<String> publicGrants() throws IOException {
        return posture.publicGrants();
    }

    @Override
    public boolean objectGrantsApply() throws IOException {
        return posture.objectAclsApply();
    }

    @Override
    public List<String> objectGrants(String path) throws IOException {
        return posture.objectGrants(path);
    }

    @Override
    public Optional<Lock> defaultLock() throws IOException {
        return posture.defaultLock();
    }

    @Override
    public List<ObjectLock> locksOf(String path) throws IOException {
        return posture.locksOf(path);
    }

    @Override
    public Kept earlierVersions(Instant writtenBefore, int named) throws IOException {
        if (!posture.keepsVersions()) {
            return new Kept(List.of(), 0);
        }
        List<KeptData> found = new ArrayList<>();
        long[] count = new long[1];
        forEachVersion(version -> {
            if (Boolean.TRUE.equals(version.isLatest()) || version.key().length() <= root.length()
                    || version.lastModified() == null || !version.lastModified().isBefore(writtenBefore)) {
                return;
            }
            count[0]++;
            if (found.size() < named) {
                found.add(new KeptData(Entry.file(path(version.key()), version.size() == null ? 0 : version.size(),
                        version.lastModified()), "an earlier version",
                        "the store keeps the versions of deleted and overwritten files (versioning)"));
            }
        });
        return new Kept(found, count[0]);
    }

    /** Every version of every object below the prefix (delete markers aside), current or not. */
    private void forEachVersion(Consumer<ObjectVersion> visitor) throws IOException {
        // Asked page by page rather than by the SDK's paginator, which asks for the first page again, forever, when
        // a page is marked truncated without the markers of the next.
        String keyMarker = null;
        String versionMarker = null;
        try {
            boolean truncated;
            do {
                String sentKey = keyMarker;
                String sentVersion = versionMarker;
                ListObjectVersionsResponse page = client.get().listObjectVersions(r -> r.bucket(bucket).prefix(root)
                        .keyMarker(sentKey).versionIdMarker(sentVersion));
                page.versions().forEach(visitor);
                truncated = Boolean.TRUE.equals(page.isTruncated());
                keyMarker = page.nextKeyMarker() == null || page.nextKeyMarker().isEmpty() ? null
                        : page.nextKeyMarker();
                versionMarker = page.nextVersionIdMarker();
                checkContinued(root, truncated, sentKey == null ? null : sentKey + "\0" + sentVersion,
                        !truncated || keyMarker == null ? null : keyMarker + "\0" + versionMarker, "next key marker");
            } while (truncated);
        } catch (SdkException e) {
            throw errors.toIo("cannot list the versions below " + name(""), e);
        }
    }

    private String folderKey(String folder) {
        return folder.isEmpty() ? root : root + folder + "/";
    }

    private String key(String path) {
        return root + path;
    }

    private String path(String key) {
        return key.substring(root.length());
    }

    private String name(String path) {
        return "s3://" + bucket + "/" + root + path;
    }

    @Override
    public void close() {
        if (parts != null) {
            parts.close();
        }
        client.close();
        http.close();
    }

    /** How many object reads went without the SDK's pipeline (for tests). */
    long directReads() {
        return direct == null ? 0 : direct.served();
    }

    /** Whether the SDK's client was built (for tests). */
    boolean sdkClientBuilt() {
        return client.built();
    }

    /** How many listing pages came without the SDK's pipeline (for tests). */
    long directLists() {
        return direct == null ? 0 : direct.lists();
    }
}
