package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Object reads and listings signed with the SDK's SigV4 signer and sent straight through the target's HTTP client,
 * without the SDK's per-request pipeline (interceptors, endpoint rules, marshalling, metrics): that pipeline cost
 * about 2 ms of CPU per GET, mostly interpreted code, as much as hashing a megabyte, and the first listing of a run
 * about a tenth of a CPU second. Only the expected success is taken from here: 200 for a whole object or a listing
 * read to its end, 206 for a range. Any other answer, and any failure to send or sign, is dropped and the caller asks
 * again through the SDK ({@link #get} and {@link #list} give empty), so errors, retries and their messages stay the
 * SDK's.
 */
final class DirectGets {
    private static final String USER_AGENT = "backup-verify";
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String signingRegion;
    private final String bucket;
    /** The URL of the bucket, ending in {@code /}: an object's URL is this and its encoded key. */
    private final String base;
    /** The URL a listing of the bucket is asked at: {@link #base}, without its last slash for path-style URLs. */
    private final String bucketUrl;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong lists = new AtomicLong();

    /** A response to read: its body, ETag (or null) and Content-Length (or -1). */
    record Response(AbortableInputStream body, String etag, long contentLength) {
    }

    private DirectGets(SdkHttpClient http, AwsCredentialsProvider credentials, String signingRegion, String bucket,
            String base) {
        this.http = http;
        this.credentials = credentials;
        this.signingRegion = signingRegion;
        this.bucket = bucket;
        this.base = base;
        String path = URI.create(base).getRawPath();
        this.bucketUrl = path.length() > 1 ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Direct requests for a bucket, when its objects' URLs are plain: the SDK's own URL for a few keys, from its
     * utilities built as the client is (region, endpoint, path style, and the FIPS, dual-stack and endpoint settings
     * they read from the environment and profile as the client does), must be the bucket's URL and the key encoded
     * as the SDK encodes paths. Access points, S3 Express and Outposts buckets, global and FIPS pseudo-regions keep the
     * SDK's pipeline (their endpoints and signing differ).
     *
     * @param endpoint the plan's endpoint, or null for AWS itself
     */
    static Optional<DirectGets> create(SdkHttpClient http, AwsCredentialsProvider credentials, Region region,
            URI endpoint, boolean pathStyle, String bucket) {
        if (bucket.contains(":") || bucket.endsWith("--x-s3") || bucket.endsWith("--op-s3") || region.isGlobalRegion()
                || region.id().contains("fips")) {
            return Optional.empty();
        }
        Optional<String> pathStyleBase = pathStyleBase(endpoint, pathStyle, bucket);
        if (pathStyleBase.isPresent()) {
            return Optional.of(new DirectGets(http, credentials, region.id(), bucket, pathStyleBase.get()));
        }
        try {
            S3Utilities.Builder builder = S3Utilities.builder().region(region)
                    .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
            if (endpoint != null) {
                builder.endpoint(endpoint);
            }
            S3Utilities utilities = builder.build();
            String probe = "p";
            String url = utilities.getUrl(get -> get.bucket(bucket).key(probe)).toExternalForm();
            if (!url.endsWith("/" + probe)) {
                return Optional.empty();
            }
            String base = url.substring(0, url.length() - probe.length());
            for (String key : new String[] {"a b/+c~d*e%f=g&h/\u00e9\u20ac/-x", "dot/./x/../y"}) {
                if (!utilities.getUrl(get -> get.bucket(bucket).key(key)).toExternalForm().equals(base + encode(key))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new DirectGets(http, credentials, region.id(), bucket, base));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The bucket's URL for path-style requests to a store at its own endpoint, worked out here: the SDK's endpoint
     * rules put the endpoint's scheme, authority and path, then the bucket (S3Utilities spends about a tenth of a CPU
     * second at start-up to say so, {@code DirectGetsUrlTest} pins the two together). Empty for anything else (AWS
     * itself, virtual-hosted buckets, FIPS or dual-stack asked for in the environment, a bucket name or endpoint
     * path that would need encoding, a default port written out, an endpoint with a query, fragment or user):
     * those ask the SDK's utilities.
     */
    static Optional<String> pathStyleBase(URI endpoint, boolean pathStyle, String bucket) {
        if (endpoint == null || !pathStyle || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getRawAuthority() == null || endpoint.getRawUserInfo() != null
                || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                || endpoint.getPort() == ("https".equals(endpoint.getScheme()) ? 443 : 80) || asksForOtherEndpoints()) {
            return Optional.empty();
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (!path.matches("(/[A-Za-z0-9._~-]+)*/?")) {
            return Optional.empty();
        }
        if (!path.endsWith("/")) {
            path += "/";
        }
        return Optional.of(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path + bucket + "/");
    }

    private static boolean asksForOtherEndpoints() {
        for (String setting : new String[] {"AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT"}) {
            if (System.getenv(setting) != null) {
                return true;
            }
        }
        return System.getProperty("aws.useFipsEndpoint") != null
                || System.getProperty("aws.useDualstackEndpoint") != null;
    }

    /**
     * Parses a small listing and signs a request, so that the XML parser and the signer (its HMAC provider looked up
     * among the security providers, some 40 ms on the main thread before the first listing) are ready before it.
     */
    static void warmUp() {
        ListingXml.warmUp();
        try {
            AwsV4HttpSigner.create().sign(sign -> sign
                    .identity(AwsBasicCredentials.create("warm-up", "warm-up"))
                    .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create("http://localhost/b/k"))
                            .build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        } catch (RuntimeException e) {
            // only a warm-up: the real requests meet whatever went wrong
        }
    }

    private static String encode(String key) {
        return SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    }

    /**
     * GETs an object, or bytes of it ({@code range} as in a Range header, or null), pinned to {@code ifMatch} when
     * that is not null. Empty when the answer is not the success expected: the caller then asks through the SDK.
     */
    Optional<Response> get(String key, String range, String ifMatch) {
        if (key.startsWith("/")) {
            // The SDK's path marshalling treats a leading slash specially: leave such keys to it.
            return Optional.empty();
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(base + encode(key)));
        if (range != null) {
            request.putHeader("Range", range);
        }
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        Optional<HttpExecuteResponse> response = send(request, range == null ? 200 : 206);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        SdkHttpResponse head = response.get().httpResponse();
        AbortableInputStream body = response.get().responseBody().get();
        try {
            long length = head.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(-1L);
            String etag = head.firstMatchingHeader("ETag").orElse(null);
            served.incrementAndGet();
            return Optional.of(new Response(body, etag, length));
        } catch (RuntimeException e) {
            drop(body);
            return Optional.empty();
        }
    }

    /**
     * One page of a ListObjectsV2 listing of the keys starting with {@code prefix}, from {@code continuationToken}
     * (null: the first page), asked as the SDK asks it. Empty unless the answer is a 200 with a listing read to its
     * end ({@link ListingXml}): the caller then asks for that page through the SDK.
     */
    Optional<ListingXml.Page> list(String prefix, String continuationToken) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(bucketUrl)).putRawQueryParameter("list-type", "2")
                .putRawQueryParameter("prefix", prefix);
        if (continuationToken != null) {
            request.putRawQueryParameter("continuation-token", continuationToken);
        }
        Optional<HttpExecuteResponse> response = send(request, 200);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        AbortableInputStream body = response.get().responseBody().get();
        try {
            Optional<ListingXml.Page> page = ListingXml.read(body);
            // A page of another bucket, or with keys outside the prefix, is not the listing asked for.
            if (page.isPresent() && (page.get().bucket() == null || page.get().bucket().equals(bucket))
                    && page.get().objects().stream().allMatch(object -> object.key().startsWith(prefix))) {
                body.close();
                lists.incrementAndGet();
                return page;
            }
        } catch (IOException | RuntimeException e) {
            // asked again through the SDK
        }
        drop(body);
        return Optional.empty();
    }

    /**
     * HEADs an object: its size, time and ETag when the answer is a 200 with a Content-Length and a Last-Modified
     * time, else empty (a missing object too: the caller asks the SDK, whose answer stands).
     */
    Optional<HeadObjectResponse> head(String key) {
        if (key.startsWith("/")) {
            return Optional.empty();
        }
        Optional<HttpExecuteResponse> response = send(SdkHttpRequest.builder().method(SdkHttpMethod.HEAD)
                .uri(URI.create(base + encode(key))), 200, false);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        response.get().responseBody().ifPresent(DirectGets::drop);
        SdkHttpResponse head = response.get().httpResponse();
        try {
            Optional<String> length = head.firstMatchingHeader("Content-Length");
            Optional<String> modified = head.firstMatchingHeader("Last-Modified");
            if (length.isEmpty() || modified.isEmpty() || Long.parseLong(length.get()) < 0) {
                return Optional.empty();
            }
            return Optional.of(HeadObjectResponse.builder().contentLength(Long.parseLong(length.get()))
                    .lastModified(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(modified.get())))
                    .eTag(head.firstMatchingHeader("ETag").orElse(null)).build());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<HttpExecuteResponse> send(SdkHttpRequest.Builder request, int expected) {
        return send(request, expected, true);
    }

    /**
     * Signs and sends a request; the response when it has the status expected (and a body, when {@code withBody}),
     * else empty (and the response is dropped).
     */
    private Optional<HttpExecuteResponse> send(SdkHttpRequest.Builder request, int expected, boolean withBody) {
        AbortableInputStream body = null;
        try {
            AwsCredentials identity = credentials.resolveCredentials();
            SdkHttpRequest unsigned = request.build();
            SignedRequest signed = signer.sign(sign -> sign.identity(identity).request(unsigned)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
            SdkHttpRequest send = signed.request().toBuilder().putHeader("User-Agent", USER_AGENT).build();
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(send).build())
                    .call();
            body = response.responseBody().orElse(null);
            if (withBody && body == null || response.httpResponse().statusCode() != expected) {
                drop(body);
                return Optional.empty();
            }
            return Optional.of(response);
        } catch (IOException | RuntimeException e) {
            drop(body);
            return Optional.empty();
        }
    }

    /** Drops a response not taken: its connection is closed rather than drained (it may be a whole object). */
    private static void drop(AbortableInputStream body) {
        if (body != null) {
            body.abort();
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                // the connection is dropped either way
            }
        }
    }

    /** How many reads were answered here (for tests). */
    long served() {
        return served.get();
    }

    /** How many listing pages were answered here (for tests). */
    long lists() {
        return lists.get();
    }
}
