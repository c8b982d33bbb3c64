package io.backupverify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in-process and keeps what it printed. */
record CommandRunner(int exitCode, String out, String err) {
    static CommandRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupVerifyCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRunner(code, out.toString(), err.toString());
    }
}
