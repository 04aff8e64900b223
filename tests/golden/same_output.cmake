# Runs the same dossier command with two different --jobs values and checks
# that the files written with -o are byte for byte the same.
#   -DCLI=dossier -DARGS="eval;x.jsonl" -DWORKDIR=dir -DOUT=prefix
execute_process(COMMAND ${CLI} ${ARGS} --jobs 1 -o ${OUT}.1 WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE rc1 OUTPUT_QUIET ERROR_VARIABLE err1)
execute_process(COMMAND ${CLI} ${ARGS} --jobs 2 -o ${OUT}.2 WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE rc2 OUTPUT_QUIET ERROR_VARIABLE err2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "runs failed (${rc1}, ${rc2}):\n${err1}\n${err2}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}.1 ${OUT}.2 RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "--jobs 1 and --jobs 2 wrote different summaries")
endif()
