# The programme guide (/guide), the resources moderators keep for it (/resources), and the
# orientation a server may require of new mentors (/setup orientation).
guide-title = Guía del programa
guide-intro = ¡Hola! Así funcionan las mentorías en **{ $guild }**. Se lee en dos minutos.
guide-mentors-heading = Lo que pedimos a los mentores
guide-mentors =
    • Dedica tiempo a tu aprendiz: reúnete o escríbele con regularidad, y responde los seguimientos en el canal de la pareja.
    • Escucha primero y comparte lo que sabes; las metas las marca tu aprendiz.
    • Si necesitas una pausa, o la pareja no funciona, dilo pronto. `/pair pause` o un moderador pueden ayudarte.
guide-mentees-heading = Lo que pedimos a los aprendices
guide-mentees =
    • Trae una meta, aunque sea pequeña, y añádela con `/goal add`.
    • Responde los seguimientos y cuéntale a tu mentor qué te ayudaría.
    • Tu mentor te dedica su tiempo de forma voluntaria: avísale cuando no puedas.
guide-conduct-heading = Código de conducta
guide-conduct =
    • Sé amable, paciente y respetuoso. Nada de acoso ni de discriminación.
    • Cumple lo acordado y di que no con educación cuando algo no te venga bien.
    • Si algo no te parece bien, díselo a un moderador. Preguntar nunca está de más.
guide-confidentiality-heading = Confidencialidad
guide-confidentiality =
    • Lo que te cuente la otra persona queda entre los dos, salvo que alguien corra peligro.
    • Los moderadores miran los canales de las parejas solo para ayudar. tandem cuenta los mensajes, pero nunca los lee.
    • `/mydata export` muestra lo que tandem guarda sobre ti; `/mydata delete` lo borra.
guide-resources-heading = Recursos
guide-resources-continued = Recursos (continuación)
guide-no-resources = Los moderadores todavía no han añadido recursos.
# $title is what a moderator typed (already made safe), $url a web link.
guide-resource = • { $title }: { $url }
# The same line as moderators see it, with who it is for.
guide-resource-for = • { $title }: { $url } ({ $audience })
guide-audience =
    { $audience ->
        [mentors] para mentores
        [mentees] para aprendices
       *[everyone] para todos
    }
guide-read-button = Ya la he leído
guide-owed-note = {"**"}Te falta un paso**: cuando hayas leído esta guía, pulsa **Ya la he leído** aquí abajo. Así un moderador podrá asignarte un aprendiz.
guide-dm-approved = Buenas noticias: te han aprobado como mentor en **{ $guild }**. Antes de formar pareja con un aprendiz, lee la guía del programa que tienes abajo y pulsa **Ya la he leído**.
guide-dm-enrolled = ¡Te damos la bienvenida como mentor! Antes de formar pareja con un aprendiz en **{ $guild }**, lee la guía del programa que tienes abajo y pulsa **Ya la he leído**.
guide-enrol-note =
    {"**"}Te falta un paso**
    Lee la guía del programa (te la he enviado por mensaje directo, y `/guide` la muestra aquí) y pulsa **Ya la he leído**. Así un moderador podrá asignarte un aprendiz.
guide-read-thanks = ¡Gracias por leer la guía! Ya pueden asignarte un aprendiz.
guide-read-already = Ya confirmaste que leíste la guía el <t:{ $at }:D>. No tienes que hacer nada más.
guide-read-not-mentor = Ya no eres mentor en ese servidor, así que no hay nada que confirmar.
# /pair create and Approve on a /pair suggest preview.
guide-mentor-not-oriented = <@{ $mentor }> todavía tiene que leer la guía del programa. Podrá formar pareja cuando pulse "Ya la he leído" (en mi mensaje directo o con `/guide`).
guide-suggest-left-out =
    { $count ->
        [one] Queda fuera { $count } mentor con plazas libres hasta que lea la guía.
       *[other] Quedan fuera { $count } mentores con plazas libres hasta que lean la guía.
    }
guide-suggest-all-waiting =
    { $count ->
        [one] El único mentor con plazas libres todavía no ha leído la guía del programa. Podrá formar pareja cuando pulse "Ya la he leído".
       *[other] Ninguno de los { $count } mentores con plazas libres ha leído todavía la guía del programa. Podrán formar pareja cuando pulsen "Ya la he leído".
    }
# /resources
guide-resources-only-moderators = Solo los moderadores pueden cambiar los recursos del programa. Todo el mundo los ve con `/guide`.
guide-title-empty = Ponle un título al recurso, por ejemplo "Manual del mentor".
guide-title-too-long = Ese título tiene { $chars } caracteres; que no pase de { $max }, por favor.
guide-link-empty = Añade la dirección web del recurso, empezando por https://.
guide-not-a-link = "{ $link }" no es una dirección web. Pega el enlace completo, empezando por https://.
guide-not-web = Solo se pueden añadir enlaces web (que empiecen por https:// o http://), no enlaces "{ $scheme }".
guide-link-too-long = Ese enlace tiene { $chars } caracteres; que no pase de { $max }, por favor. También sirve un enlace más corto a la misma página.
guide-full = Este servidor ya tiene { $max } recursos, el máximo que puede mostrar la guía. Quita uno antes con `/resources remove`.
guide-added = Recurso #{ $id } añadido ({ $audience }): "{ $title }". Los miembros lo ven con `/guide`.
guide-no-resource = No hay ningún recurso #{ $id } en este servidor. `/resources list` muestra sus números.
guide-removed = Recurso #{ $id } quitado: "{ $title }".
guide-list-title = Recursos del programa
guide-list-empty = Todavía no hay recursos. Añade uno con `/resources add`.
guide-list-line = `#{ $id }` { $title }: { $url } ({ $audience }, añadido el <t:{ $at }:D>)
guide-list-footer = { $count } de { $max } recursos. Para quitar uno, da su número a `/resources remove`.
# /setup
guide-setup-orientation = Orientación
guide-setup-orientation-required = los nuevos mentores leen la guía antes de formar pareja
guide-setup-orientation-off = desactivada
# The weekly digest.
guide-digest-waiting =
    { $count ->
        [one] {"**"}Pendientes de orientación** ({ $count } mentor): { $mentors }. No pueden formar pareja hasta que lean la guía.
       *[other] {"**"}Pendientes de orientación** ({ $count } mentores): { $mentors }. No pueden formar pareja hasta que lean la guía.
    }
guide-digest-more =
    { $count ->
        [one] …y { $count } más
       *[other] …y { $count } más
    }
guide-profile-heading = Orientación
guide-profile-owed = Falta leer la guía del programa. Ábrela con `/guide` y pulsa **Ya la he leído**; después se puede formar pareja con esta persona mentora.
guide-members-heading = Pendientes de orientación
