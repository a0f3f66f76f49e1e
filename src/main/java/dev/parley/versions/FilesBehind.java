package dev.parley.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.parley.knowledge.KnowledgeFiles;

/**
 * Which of the intent files a reload would publish over a change made since they were taken, when the database is
 * the source: a proposal changes the version in service and not anybody's files, and another instance's reload
 * publishes its own files, so the files of one instance can be behind the version in service. Nothing records what
 * a folder was copied from; the versions published tell instead, file by file, where the folder and the version in
 * service differ:
 * <ul>
 * <li>a file the version in service has as no publication of files ever had it was changed through the database
 * (an accepted proposal): publishing the folder's file, whatever it holds, would drop that change;</li>
 * <li>a file exactly as an earlier version had it is behind: publishing it would undo the change made since.</li>
 * </ul>
 * Any other difference is an edit of the folder's own: a file written anew, added or removed. A caller who has seen
 * the version in service and means to publish the files over it says so by naming it as the reload's base.
 */
final class FilesBehind {

    private FilesBehind() {
    }

    /** The files of {@code folder} that are behind version {@code inService}, in name order; empty when none. */
    static List<StaleFile> of(KnowledgeFiles folder, String inService, VersionStore store) {
        Map<String, String> ours = folder.hashes();
        Map<String, String> served = store.hashes(inService).orElseThrow();
        var names = new TreeSet<>(ours.keySet());
        names.addAll(served.keySet());
        var stale = new ArrayList<StaleFile>();
        for (String name : names) {
            String mine = ours.get(name);
            String theirs = served.get(name);
            if (Objects.equals(mine, theirs)) {
                continue;
            }
            // the proposal first: of two true reasons, the one that names what would be lost
            if (theirs != null && !store.publishedFromFiles(name, theirs)) {
                stale.add(new StaleFile(name, "the version in service has this file as an accepted proposal changed "
                        + "it, which " + (mine == null ? "the folder, without the file," : "this file") + " does not "
                        + "have"));
            } else if (mine != null && store.everHeld(name, mine)) {
                stale.add(new StaleFile(name, "this file is as an earlier version had it; the version in service has "
                        + (theirs == null ? "removed it" : "changed it") + " since"));
            }
        }
        return List.copyOf(stale);
    }
}
