# Runs the dossier CLI and compares its stdout with a reviewed expected file.
#   -DCLI=path/to/dossier -DARGS="brief;--format;json;examples/x" -DEXPECTED=file
#   -DWORKDIR=dir -DACTUAL=where-to-write
# Set UPDATE_GOLDEN=1 in the environment to rewrite EXPECTED instead.
execute_process(COMMAND ${CLI} ${ARGS} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_FILE ${ACTUAL} ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dossier ${ARGS} exited with ${rc}:\n${err}")
endif()
# (UPDATE_GOLDEN=0, or empty, compares as usual.)
if("$ENV{UPDATE_GOLDEN}")
  configure_file(${ACTUAL} ${EXPECTED} COPYONLY)
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${ACTUAL} ${EXPECTED} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  execute_process(COMMAND diff -u ${EXPECTED} ${ACTUAL} OUTPUT_VARIABLE d)
  message(FATAL_ERROR "output differs from ${EXPECTED} (UPDATE_GOLDEN=1 ctest -R golden to accept):\n${d}")
endif()
