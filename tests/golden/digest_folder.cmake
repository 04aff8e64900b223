# Runs `dossier digest INPUT -o OUT` and checks the folder it writes: the
# three summary files exist, and the story pages and the links of index.html
# match one to one, one page per line of stories.jsonl.
#   -DCLI=dossier -DINPUT=feed.jsonl -DWORKDIR=dir -DOUT=folder
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${CLI} digest ${INPUT} -o ${OUT} WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dossier digest exited ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(f index.html digest.md stories.jsonl)
  if(NOT EXISTS ${OUT}/${f})
    message(FATAL_ERROR "${OUT}/${f} was not written")
  endif()
endforeach()

# Story pages on disk.
file(GLOB pages RELATIVE ${OUT} ${OUT}/stories/*.html)
list(LENGTH pages page_count)
if(page_count EQUAL 0)
  message(FATAL_ERROR "no story page in ${OUT}/stories")
endif()

# Links in the index.
file(READ ${OUT}/index.html index)
string(REGEX MATCHALL "href=\"[^\"]*\"" hrefs "${index}")
set(links)
foreach(h IN LISTS hrefs)
  string(REGEX REPLACE "^href=\"(.*)\"$" "\\1" link "${h}")
  list(APPEND links ${link})
endforeach()
list(LENGTH links link_count)

# Every link leads to a page that exists...
foreach(link IN LISTS links)
  if(NOT link MATCHES "^stories/[^/]+\\.html$")
    message(FATAL_ERROR "index.html links outside stories/: ${link}")
  endif()
  if(NOT EXISTS ${OUT}/${link})
    message(FATAL_ERROR "index.html links ${link}, which does not exist")
  endif()
endforeach()
# ... and every page is linked, once.
foreach(page IN LISTS pages)
  list(FIND links ${page} at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${page} is not linked from index.html")
  endif()
endforeach()
set(unique_links ${links})
list(REMOVE_DUPLICATES unique_links)
list(LENGTH unique_links unique_count)
if(NOT unique_count EQUAL link_count OR NOT link_count EQUAL page_count)
  message(FATAL_ERROR "${link_count} links (${unique_count} distinct) for ${page_count} pages")
endif()

# One page per line of stories.jsonl (furniture is left out of both). The
# file is split by hand: a line may hold ';', which CMake lists would split.
file(READ ${OUT}/stories.jsonl stories)
string(REGEX MATCHALL "\n" newlines "${stories}")
list(LENGTH newlines story_count)
if(NOT story_count EQUAL page_count)
  message(FATAL_ERROR "${story_count} lines in stories.jsonl but ${page_count} pages")
endif()
# Each line's story has its page.
string(REGEX MATCHALL "\"story\":\\{\"id\":\"[^\"]+\"" ids "${stories}")
list(LENGTH ids id_count)
if(NOT id_count EQUAL story_count)
  message(FATAL_ERROR "${id_count} story ids in ${story_count} lines of stories.jsonl")
endif()
foreach(m IN LISTS ids)
  string(REGEX REPLACE "^.*\"id\":\"([^\"]+)\"$" "\\1" id "${m}")
  if(NOT EXISTS ${OUT}/stories/${id}.html)
    message(FATAL_ERROR "story ${id} of stories.jsonl has no page")
  endif()
  list(FIND links "stories/${id}.html" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "story ${id} is not linked from index.html")
  endif()
endforeach()
