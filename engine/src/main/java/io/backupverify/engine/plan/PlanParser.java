package io.backupverify.engine.plan;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads plan files. Every problem, from a YAML syntax error to an unknown key (a typo must not silently disable a
 * check), becomes a {@link PlanException} naming the file, line and key.
 */
public final class PlanParser {
    /** The largest plan read: checked before parsing, so that a huge file cannot cost time or memory. */
    static final int MAX_PLAN_BYTES = 1024 * 1024;

    private final Map<String, Class<? extends TargetSpec>> targetTypes = new HashMap<>(PlanBinder.TARGET_TYPES);

    /** Registers a further kind of target, such as {@code s3}, under its plan name. */
    public PlanParser withTargetType(String name, Class<? extends TargetSpec> type) {
        targetTypes.put(name, type);
        return this;
    }

    public Plan parse(Path file) throws PlanException {
        String source = file.toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_PLAN_BYTES) {
                throw tooLarge(source, size);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanException(source, 0, 0, "", "no such plan file");
        } catch (MalformedInputException e) {
            throw new PlanException(source, 0, 0, "", "the plan file is not UTF-8 text");
        } catch (IOException e) {
            throw new PlanException(source, 0, 0, "", "cannot read the plan file: " + e.getMessage());
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return parse(text, source, baseDir);
    }

    /**
     * Reads a plan given as text.
     *
     * @param source  the name used in messages
     * @param baseDir the folder relative local paths are resolved against
     */
    public Plan parse(String text, String source, Path baseDir) throws PlanException {
        if (text.length() > MAX_PLAN_BYTES) {
            throw tooLarge(source, text.length());
        }
        if (text.isBlank()) {
            throw new PlanException(source, 0, 0, "", "the plan is empty; it needs a backupSets list");
        }
        Node root = read(text, source);
        if (root == null) {
            throw new PlanException(source, 0, 0, "", "the plan is empty; it needs a backupSets list");
        }
        SourceLocations locations = SourceLocations.index(root);
        PlanDocument document;
        try {
            document = new PlanBinder(targetTypes).document(root);
        } catch (PlanBinder.Problem problem) {
            SourceLocations.Position at = problem.key().isEmpty() ? null : locations.findExact(problem.key());
            if (at == null) {
                at = SourceLocations.Position.of(problem.node().getStartMark());
            }
            throw new PlanException(source, at.line(), at.column(), problem.key(), problem.getMessage());
        }
        PlanValidator validator = new PlanValidator(source, locations);
        validator.validate(document);
        return new Plan(source, baseDir, zone(document, validator), document.backupSets(), document.audit(),
                document.timezone() != null);
    }

    private static PlanException tooLarge(String source, long size) {
        return new PlanException(source, 0, 0, "", "the plan is " + ByteSize.format(size) + "; a plan may be at most "
                + MAX_PLAN_BYTES / (1024 * 1024) + " MiB (is this the right file?)");
    }

    private static ZoneId zone(PlanDocument document, PlanValidator validator) throws PlanException {
        if (document.timezone() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(document.timezone());
        } catch (DateTimeException e) {
            throw validator.problem("timezone", "'" + document.timezone()
                    + "' is not a time zone; use a region such as Europe/Berlin, or UTC");
        }
    }

    /** The document's node tree, or null for a document without content; refuses aliases and syntax errors. */
    private static Node read(String text, String source) throws PlanException {
        LoaderOptions options = new LoaderOptions();
        AliasSpotter parser = new AliasSpotter(new ParserImpl(new StreamReader(text), options));
        try {
            Node root = new Composer(parser, new Resolver(), options).getSingleNode();
            parser.refuseAlias(source);
            return root;
        } catch (MarkedYAMLException syntax) {
            parser.refuseAlias(source);
            if (syntax.getProblem() != null && syntax.getProblemMark() != null) {
                throw new PlanException(source, syntax.getProblemMark().getLine() + 1,
                        syntax.getProblemMark().getColumn() + 1, "", "YAML syntax: " + syntax.getProblem());
            }
            throw new PlanException(source, 0, 0, "", "YAML syntax: " + syntax.getMessage());
        } catch (YAMLException syntax) {
            parser.refuseAlias(source);
            throw new PlanException(source, 0, 0, "", "YAML syntax: " + syntax.getMessage());
        }
    }

    /**
     * Notes the first alias ({@code *name}) while the document is read. Plans are bound key by key, which cannot
     * follow an alias back to its anchor, so an alias would otherwise surface as a confusing "missing key" far from
     * its cause.
     */
    private static final class AliasSpotter implements Parser {
        private final Parser parser;
        private AliasEvent alias;

        AliasSpotter(Parser parser) {
            this.parser = parser;
        }

        void refuseAlias(String source) throws PlanException {
            if (alias != null) {
                throw new PlanException(source, alias.getStartMark().getLine() + 1,
                        alias.getStartMark().getColumn() + 1, "", "YAML aliases such as *" + alias.getAnchor()
                        + " are not supported in plans; write the values out in full");
            }
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return noted(parser.peekEvent());
        }

        @Override
        public Event getEvent() {
            return noted(parser.getEvent());
        }

        private Event noted(Event event) {
            if (alias == null && event instanceof AliasEvent found) {
                alias = found;
            }
            return event;
        }
    }
}
