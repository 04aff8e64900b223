# Runs a command and checks its exit status and what it printed.
#   -DCMD="a;b;c" -DWORKDIR=dir -DEXIT=N [-DSTDERR_REGEX=re] [-DSTDOUT_REGEX=re]
#   [-DSTDIN_FILE=file]
if(DEFINED STDIN_FILE)
  execute_process(COMMAND ${CMD} WORKING_DIRECTORY ${WORKDIR} INPUT_FILE ${STDIN_FILE}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
else()
  execute_process(COMMAND ${CMD} WORKING_DIRECTORY ${WORKDIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
endif()
if(NOT rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit ${EXIT}, got ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}':\n${err}")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_REGEX}':\n${out}")
endif()
