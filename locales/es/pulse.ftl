pulse-scale-1 = 1 – nada
pulse-scale-2 = 2 – un poco
pulse-scale-3 = 3 – algo
pulse-scale-4 = 4 – bastante
pulse-scale-5 = 5 – mucho
# $question es la pregunta de los moderadores, tal como la escribieron.
pulse-question = **Encuesta pulso rápida de { $guild }** (anónima)
    { $question }
    Los moderadores solo ven totales, y solo cuando han respondido { $min } personas o más.
pulse-question-in-channel = <@{ $user }>, tienes los mensajes directos cerrados, así que aquí va la encuesta pulso rápida del programa (anónima):
    { $question }
    Los moderadores solo ven totales, y solo cuando han respondido { $min } personas o más.
pulse-thanks = Gracias, elegiste { $score }. Nadie ve quién respondió qué. ¿Quieres añadir un comentario? También es anónimo.
pulse-score-unchanged = Ya habías elegido { $score }, así que no ha cambiado nada.
pulse-comment-button = Añadir un comentario
pulse-modal-title = Comentario anónimo
pulse-comment = ¿Algo que los moderadores deban saber?
pulse-comment-saved = Gracias, tu comentario se ha guardado sin tu nombre.
pulse-score-first = Primero elige un número y luego añade tu comentario.
pulse-comment-empty = El comentario estaba vacío, así que no se guardó nada. Escribe unas palabras o quédate solo con tu número.
pulse-closed = Esta pregunta de la encuesta pulso ya se cerró, así que tu respuesta no se guardó. La próxima llegará pronto.
pulse-not-asked = Esta pregunta de la encuesta pulso se envió a otra persona.
pulse-only-moderators = Solo los moderadores pueden lanzar encuestas pulso y ver los resultados.
pulse-no-round = Todavía no hay ninguna ronda de la encuesta pulso. Inicia una con `/pulse now` o espera a la programación (mira `/setup`).
pulse-nobody = Todavía no hay nadie activo en el programa, así que no hay a quién preguntar.
# $closes es una hora Unix para una marca de tiempo de Discord.
pulse-still-open =
    { $answers ->
        [one] La ronda actual de la encuesta pulso lleva { $answers } respuesta. Los resultados se verán cuando cierre, <t:{ $closes }:R>.
       *[other] La ronda actual de la encuesta pulso lleva { $answers } respuestas. Los resultados se verán cuando cierre, <t:{ $closes }:R>.
    }
pulse-round-started = Ronda de la encuesta pulso iniciada: se pregunta por mensaje directo a { $members } miembros activos. Consulta los totales con `/pulse results` cuando hayan respondido { $min }.
pulse-hidden = **{ $question }**
    Por ahora han respondido { $answered } de { $asked }. Los resultados se muestran cuando hayan respondido { $min }, para que ninguna respuesta se pueda atribuir a nadie.
pulse-title = Pulso: { $question }
pulse-overview = Han respondido { $answered } de { $asked } · media **{ $average }** sobre 5 · enviada el <t:{ $started }:D>
pulse-answers = Respuestas
pulse-comments = Comentarios, en orden aleatorio y sin nombres
